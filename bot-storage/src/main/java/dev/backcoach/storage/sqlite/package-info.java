/**
 * SQLite plumbing behind {@code dev.backcoach.storage}: SQLite has one writer, so writers take
 * turns on an in-process lock ({@link dev.backcoach.storage.sqlite.WriterLockedDataSource} gives
 * the scheduler's connections the same lock) and turns that wait for it are committed together
 * ({@link dev.backcoach.storage.sqlite.GroupCommit}); statements are kept per connection ({@link
 * dev.backcoach.storage.sqlite.SqliteStatementCache}); the write-ahead log is copied back and
 * started over every second ({@link dev.backcoach.storage.sqlite.WalCheckpoints}); {@link
 * dev.backcoach.storage.sqlite.SqliteFile} turns a URL into a file whose folder exists; and {@link
 * dev.backcoach.storage.sqlite.SqliteNativeLibrary} keeps the driver's native library between
 * starts. It knows nothing of the store's tables: only {@code dev.backcoach.storage} uses it.
 */
@NullMarked
package dev.backcoach.storage.sqlite;

import org.jspecify.annotations.NullMarked;
