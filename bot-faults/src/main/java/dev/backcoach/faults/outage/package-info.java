/**
 * Outages of the database under load (PostgreSQL stopped, a SQLite disk full or read-only): users
 * in conversation ({@link dev.backcoach.faults.outage.ChatUser}, {@link
 * dev.backcoach.faults.outage.Conversations}) and Telegram's webhook delivery with its re-delivery
 * ({@link dev.backcoach.faults.outage.Redelivery}). The bot as a process and the suite's result
 * line are shared with every driver ({@code dev.backcoach.faults.common}); the proxy that takes
 * PostgreSQL away is bot-storage's test {@code TcpProxy}, shared with bot-app's tests.
 */
@NullMarked
package dev.backcoach.faults.outage;

import org.jspecify.annotations.NullMarked;
