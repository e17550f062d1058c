/**
 * The Discord half of the fault suite: the real bot process (Discord mode) against the strict fake
 * Discord of discord-adapter's tests, in a storm of rate limits, server errors and gateway drops
 * ({@link dev.backcoach.faults.discord.DiscordStorm}) and under fuzzed interactions ({@link
 * dev.backcoach.faults.discord.FuzzDiscord}).
 */
@NullMarked
package dev.backcoach.faults.discord;

import org.jspecify.annotations.NullMarked;
