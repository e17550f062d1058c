/**
 * Everything that waits, as db-scheduler tasks in the bot's own database: each user's daily evening
 * reminder, a snoozed reminder, and the step timers of guidance.
 */
@NullMarked
package dev.backcoach.storage.schedule;

import org.jspecify.annotations.NullMarked;
