/**
 * Discord on JDA 6.5.0: global slash commands, buttons that edit their message in place, ephemeral
 * replies in servers, and DMs for messages the bot sends on its own (step timers, nudges). {@link
 * dev.backcoach.discord.DiscordRuntime} is the entry point.
 */
@NullMarked
package dev.backcoach.discord;

import org.jspecify.annotations.NullMarked;
