-- The evening reminder a user opted in to; nudge_time is NULL while reminders are off. The time is
-- local (HH:MM) in the IANA zone nudge_zone; nudge_days holds the chosen weekdays as bits.
ALTER TABLE user_session ADD COLUMN nudge_time TEXT;
ALTER TABLE user_session ADD COLUMN nudge_zone TEXT;
ALTER TABLE user_session ADD COLUMN nudge_days INTEGER;
ALTER TABLE user_session ADD COLUMN nudge_paused_until TEXT;
ALTER TABLE user_session ADD COLUMN nudge_ignored INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_session ADD COLUMN nudge_awaiting BOOLEAN NOT NULL DEFAULT FALSE;

-- A reminder is claimed here right before it is sent, so it goes out at most once per user, local
-- day and kind (evening, snooze) even when the scheduler runs its task again after a crash.
CREATE TABLE nudge_log (
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    local_date TEXT NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL, -- claimed, sent, failed, late
    due_at     TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (platform, user_id, local_date, kind)
);

-- db-scheduler's table (its SQLite schema): daily reminders, snoozes and step timers.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100),
    task_instance        VARCHAR(100),
    task_data            BLOB,
    execution_time       TIMESTAMP,
    picked               BIT,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP,
    last_failure         TIMESTAMP,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP,
    version              BIGINT,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
