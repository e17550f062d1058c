package dev.backcoach.app;

import static org.awaitility.Awaitility.await;

import dev.backcoach.core.Chat;
import dev.backcoach.core.TestClock;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * A person using the bot on the fake Discord, in a server channel or in the bot's DM: types slash
 * commands, clicks, reads.
 */
final class DiscordUser {
    static final Duration WAIT = Replies.WAIT;

    final long id;

    /** The server the user types in; 0 for the bot's DM. */
    final long guild;

    private final FakeDiscord discord;
    private final Replies<Shown> replies;

    DiscordUser(FakeDiscord discord, long id, long guild) {
        this.discord = discord;
        this.id = id;
        this.guild = guild;
        this.replies =
                new Replies<>(
                        "on the screen of " + id,
                        () -> discord.screen(id),
                        Shown::id,
                        Shown::content);
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

    /**
     * Clicks the button starting with {@code label} on the newest message that has one: answers to
     * different commands may arrive out of order (a chart's upload is slower than the next
     * command's text), so "the newest message with buttons" is not always the one meant.
     */
    void click(String label) {
        Shown on =
                discord.screen(id).stream()
                        .filter(m -> m.button(label).isPresent())
                        .reduce((a, b) -> b)
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no '" + label + "' on " + discord.screen(id)));
        discord.click(id, guild, on.id(), on.button(label).orElseThrow().customId());
    }

    /**
     * Does {@code action} and waits until a message sent or changed since contains {@code expect}:
     * for turns that answer with several messages.
     */
    Shown after(Runnable action, String expect) {
        return replies.after(action, expect);
    }

    /**
     * This user playing a {@link Conversation}, typing at a person's pace on the bot's {@code
     * clock} (the flood guard allows three typed commands a second of it).
     */
    Conversation.Player player(Speaking lang, TestClock clock) {
        return new Conversation.Player() {
            @Override
            public void command(String name, String argument, String expect) {
                clock.advance(Chat.HUMAN_PACE);
                Map<String, String> options = lang.discordOptions(name, argument);
                after(() -> discord.slash(id, guild, name, options), expect);
            }

            @Override
            public void press(String label, String expect) {
                after(() -> click(label), expect);
            }

            @Override
            public boolean later(Duration time) {
                clock.advance(time);
                return true;
            }
        };
    }

    /** Waits for a message carrying a file whose name ends with {@code suffix}. */
    Shown awaitFile(String suffix) {
        Callable<Optional<Shown>> withFile =
                () ->
                        discord.screen(id).stream()
                                .filter(m -> m.files().stream().anyMatch(f -> f.endsWith(suffix)))
                                .findFirst();
        return await().atMost(WAIT).until(withFile, Optional::isPresent).orElseThrow();
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
        return replies.awaitLast(match);
    }
}
