/** Platform-neutral data: what comes in, what goes out, and what the bot keeps per user. */
@NullMarked
package dev.backcoach.core.model;

import org.jspecify.annotations.NullMarked;
