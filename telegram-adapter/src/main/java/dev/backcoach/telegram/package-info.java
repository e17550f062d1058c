/** Telegram adapter for BackCoach (long polling via telegrambots); implementation to follow. */
package dev.backcoach.telegram;
