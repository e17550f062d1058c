/**
 * Durable state in SQLite (one file, the default) or PostgreSQL (shared by several instances).
 * {@link dev.backcoach.storage.Database} opens the pool and migrates the schema; {@link
 * dev.backcoach.storage.JdbcStateStore} implements the core's {@code StateStore} on it. Everything
 * else is package-private so the schema and the SQL can change without breaking callers; SQLite's
 * own plumbing (one writer, group commit, statement cache, log housekeeping) is in {@code .sqlite}.
 */
@NullMarked
package dev.backcoach.storage;

import org.jspecify.annotations.NullMarked;
