-- The evening reminder a user opted in to; nudge_time is NULL while reminders are off. The time is
-- local (HH:MM) in the IANA zone nudge_zone; nudge_days holds the chosen weekdays as bits.
ALTER TABLE user_session ADD COLUMN nudge_time TEXT;
ALTER TABLE user_session ADD COLUMN nudge_zone TEXT;
ALTER TABLE user_session ADD COLUMN nudge_days INTEGER;
ALTER TABLE user_session ADD COLUMN nudge_paused_until DATE;
ALTER TABLE user_session ADD COLUMN nudge_ignored INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_session ADD COLUMN nudge_awaiting BOOLEAN NOT NULL DEFAULT FALSE;

-- A reminder is claimed here right before it is sent, so it goes out at most once per user, local
-- day and kind (evening, snooze) even when the scheduler runs its task again after a crash.
CREATE TABLE nudge_log (
    platform   TEXT        NOT NULL,
    user_id    TEXT        NOT NULL,
    local_date DATE        NOT NULL,
    kind       TEXT        NOT NULL,
    status     TEXT        NOT NULL, -- claimed, sent, failed, late
    due_at     TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, user_id, local_date, kind)
);

-- db-scheduler's table (its PostgreSQL schema): daily reminders, snoozes and step timers.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
