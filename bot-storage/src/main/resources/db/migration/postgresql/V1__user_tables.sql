-- Every table that keeps something about a user has platform and user_id: /export and /forget
-- find those tables in the schema itself. Screening answers are never stored; the dialogue column
-- holds only where the user is (see DialogueCodec).

CREATE TABLE user_session (
    platform      TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    version       BIGINT      NOT NULL,
    adult         BOOLEAN     NOT NULL,
    consented     BOOLEAN     NOT NULL,
    route         TEXT        NOT NULL,
    route_date    DATE,
    check_in_date DATE,
    equipment     INTEGER     NOT NULL,
    dialogue      TEXT        NOT NULL,
    paused        TEXT,
    prompt_seq    INTEGER     NOT NULL,
    ratings       INTEGER     NOT NULL,
    rating_day    INTEGER     NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, user_id)
);

-- One stiffness rating per user and day; a later rating the same day replaces it.
CREATE TABLE progress_rating (
    platform TEXT     NOT NULL,
    user_id  TEXT     NOT NULL,
    day      DATE     NOT NULL,
    score    SMALLINT NOT NULL CHECK (score BETWEEN 0 AND 10),
    PRIMARY KEY (platform, user_id, day)
);

-- The replies of each handled platform event (JSON), replayed when the platform delivers it again.
CREATE TABLE processed_event (
    platform   TEXT        NOT NULL,
    user_id    TEXT        NOT NULL,
    event_id   TEXT        NOT NULL,
    replies    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, user_id, event_id)
);

CREATE INDEX processed_event_created_at ON processed_event (created_at);
