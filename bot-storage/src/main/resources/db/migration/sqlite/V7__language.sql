-- The language the bot speaks to the user (an ISO 639-1 code with a catalog, such as es), and
-- whether the user chose it (TRUE) or their platform suggested it (FALSE). NULL until either says.
ALTER TABLE user_session ADD COLUMN language TEXT;
ALTER TABLE user_session ADD COLUMN language_chosen BOOLEAN NOT NULL DEFAULT FALSE;
