-- SQLite keeps dates as ISO text (yyyy-mm-dd), as in V1.
-- Practice habits, packed into one number so the cached session stays small: the day of the latest
-- session, sessions on each of the last 14 days, the streak and the milestones already shown.
ALTER TABLE user_session ADD COLUMN habits BIGINT NOT NULL DEFAULT 0;

-- Techniques or routines finished to their last step, counted per user and local day.
CREATE TABLE practice_session (
    platform TEXT    NOT NULL,
    user_id  TEXT    NOT NULL,
    day      TEXT    NOT NULL,
    sessions INTEGER NOT NULL CHECK (sessions > 0),
    PRIMARY KEY (platform, user_id, day)
);

-- The local days an evening reminder was sent, marked on the progress chart.
CREATE TABLE reminder_day (
    platform TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    day      TEXT NOT NULL,
    PRIMARY KEY (platform, user_id, day)
);
