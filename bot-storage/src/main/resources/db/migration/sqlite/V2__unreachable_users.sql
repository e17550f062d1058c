-- Set when the platform refuses delivery (the user blocked the bot or closed DMs); nudges pause
-- until the user writes again.
ALTER TABLE user_session ADD COLUMN unreachable BOOLEAN NOT NULL DEFAULT FALSE;
