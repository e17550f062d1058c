/** Discord adapter for BackCoach (JDA, text only); implementation to follow. */
package dev.backcoach.discord;
