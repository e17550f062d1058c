/**
 * Fuzzed updates: Telegram updates generated from the Bot API's own description (every update type,
 * optional fields missing, wrong types, huge strings, unknown fields, odd ids, forged button data)
 * sent to the webhook and through long polling, while a scripted user is served alongside.
 */
@NullMarked
package dev.backcoach.faults.fuzz;

import org.jspecify.annotations.NullMarked;
