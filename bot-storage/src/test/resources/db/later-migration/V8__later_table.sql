-- A migration a later jar might bring, for NewSqliteSchemaTest.
CREATE TABLE later_table (id INTEGER PRIMARY KEY);
