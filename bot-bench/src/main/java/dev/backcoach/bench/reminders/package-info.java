/** The reminder fan-out benchmark's helpers. */
@NullMarked
package dev.backcoach.bench.reminders;

import org.jspecify.annotations.NullMarked;
