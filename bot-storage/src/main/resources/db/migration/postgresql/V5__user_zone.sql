-- The user's time zone for the days of their ratings when no reminder gives one (asked once, an
-- IANA id such as Europe/Berlin). NULL until asked.
ALTER TABLE user_session ADD COLUMN zone TEXT;
