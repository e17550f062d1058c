-- The warning sign (its screening id) that decided the route, so the bot can say in one line why
-- help is paused. NULL when no sign decided it, and always NULL for Discord users: Discord's
-- developer policy forbids keeping health details, so there it lives in memory only.
ALTER TABLE user_session ADD COLUMN route_reason TEXT;
