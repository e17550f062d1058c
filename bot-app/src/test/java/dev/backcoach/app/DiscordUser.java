package dev.backcoach.app;

import static org.awaitility.Awaitility.await;

import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A person using the bot on the fake Discord, in a server channel or in the bot's DM: types slash
 * commands, clicks, reads.
 */
final class DiscordUser {
    static final Duration WAIT = Duration.ofSeconds(20);

    final long id;

    /** The server the user types in; 0 for the bot's DM. */
    final long guild;

    private final FakeDiscord discord;

    DiscordUser(FakeDiscord discord, long id, long guild) {
        this.discord = discord;
        this.id = id;
        this.guild = guild;
    }

    /**
     * Runs {@code /command} and waits until the newest message on screen contains {@code expect}.
     */
    Shown send(String command, String expect) {
        return send(command, Map.of(), expect);
    }

    Shown send(String command, Map<String, String> options, String expect) {
        discord.slash(id, guild, command, options);
        return awaitLast(m -> m.content().contains(expect));
    }

    /** Clicks the button starting with {@code label} on the newest message that has buttons. */
    Shown press(String label, String expect) {
        Shown withButtons = withButtons();
        discord.click(
                id,
                guild,
                withButtons.id(),
                withButtons
                        .button(label)
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no button '" + label + "' on: " + withButtons))
                        .customId());
        return awaitLast(m -> m.content().contains(expect));
    }

    Shown withButtons() {
        return discord.screen(id).stream()
                .filter(Shown::hasButtons)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no buttons on screen"));
    }

    /**
     * Runs {@code /command} and waits until a message on screen contains {@code expect}: for
     * answers followed by the pending question.
     */
    Shown sendAndSee(String command, Map<String, String> options, String expect) {
        int before = discord.screen(id).size();
        discord.slash(id, guild, command, options);
        try {
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(10))
                    .until(
                            () ->
                                    discord.screen(id).stream()
                                            .skip(before)
                                            .anyMatch(m -> m.content().contains(expect)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no \"" + expect + "\" on " + discord.screen(id), e);
        }
        return discord.screen(id).stream()
                .skip(before)
                .filter(m -> m.content().contains(expect))
                .findFirst()
                .orElseThrow();
    }

    Shown awaitLast(Predicate<Shown> match) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> discord.last(id) != null && match.test(discord.last(id)));
        return discord.last(id);
    }
}
