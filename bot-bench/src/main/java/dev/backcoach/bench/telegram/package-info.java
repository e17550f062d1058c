/**
 * The Telegram webhook load benchmark's local stand-in for the Bot API; the load itself comes from
 * wrk ({@code scripts/bench-telegram-webhook.sh}).
 */
package dev.backcoach.bench.telegram;
