/**
 * Outages of the database under load (PostgreSQL stopped, a SQLite disk full or read-only), and
 * what every driver of this part shares: the application as a process ({@link
 * dev.backcoach.faults.outage.BotProcess}), Telegram's webhook delivery with its re-delivery
 * ({@link dev.backcoach.faults.outage.Redelivery}) and the suite's result line ({@link
 * dev.backcoach.faults.outage.Row}).
 */
@NullMarked
package dev.backcoach.faults.outage;

import org.jspecify.annotations.NullMarked;
