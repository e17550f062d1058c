/**
 * Telegram on telegrambots 10.2.0: long polling or a webhook on the JDK's HTTP server, HTML
 * rendering with inline keyboards, and an outbox that keeps Telegram's send limits. {@link
 * dev.backcoach.telegram.TelegramBot} is the entry point.
 */
@NullMarked
package dev.backcoach.telegram;

import org.jspecify.annotations.NullMarked;
