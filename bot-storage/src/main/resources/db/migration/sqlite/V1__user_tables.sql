-- Every table that keeps something about a user has platform and user_id: /export and /forget
-- find those tables in the schema itself. SQLite has no date type: dates are ISO text
-- (yyyy-mm-dd) and instants UTC text with milliseconds (yyyy-mm-ddThh:mm:ss.sssZ), so text order
-- is time order. Screening answers are never stored; the dialogue column holds only where the
-- user is (see DialogueCodec).

CREATE TABLE user_session (
    platform      TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    version       BIGINT  NOT NULL,
    adult         BOOLEAN NOT NULL CHECK (adult IN (0, 1)),
    consented     BOOLEAN NOT NULL CHECK (consented IN (0, 1)),
    route         TEXT    NOT NULL,
    route_date    TEXT,
    check_in_date TEXT,
    equipment     INTEGER NOT NULL,
    dialogue      TEXT    NOT NULL,
    paused        TEXT,
    prompt_seq    INTEGER NOT NULL,
    ratings       INTEGER NOT NULL,
    rating_day    INTEGER NOT NULL,
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (platform, user_id)
);

-- One stiffness rating per user and day; a later rating the same day replaces it.
CREATE TABLE progress_rating (
    platform TEXT     NOT NULL,
    user_id  TEXT     NOT NULL,
    day      TEXT     NOT NULL,
    score    SMALLINT NOT NULL CHECK (score BETWEEN 0 AND 10),
    PRIMARY KEY (platform, user_id, day)
);

-- The replies of each handled platform event (JSON), replayed when the platform delivers it again.
CREATE TABLE processed_event (
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    replies    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (platform, user_id, event_id)
);

CREATE INDEX processed_event_created_at ON processed_event (created_at);
