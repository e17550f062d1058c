/**
 * A strict fake Discord for tests: REST and the gateway websocket on one local port, request bodies
 * checked against Discord's OpenAPI description and limits. Shared with bot-app's end-to-end tests
 * through this module's test-jar.
 */
@NullMarked
package dev.backcoach.discord.fake;

import org.jspecify.annotations.NullMarked;
