package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.ForwardingStore;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.InteractionLog;
import dev.backcoach.discord.fake.Shown;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter on the real JDA client against the strict fake Discord, with an in-memory store. */
class DiscordRuntimeTest {
    static final Catalog CATALOG = RunningDiscord.CATALOG;
    static final Duration WAIT = RunningDiscord.WAIT;
    static final long SERVER = 990_000_000_000_000_001L;
    RunningDiscord bot;
    FakeDiscord discord;

    /**
     * While set, a turn's commit waits until the fake saw an answer of this kind: a database slower
     * than 3 s.
     */
    volatile Predicate<InteractionLog.Answer> slowUntil;

    @BeforeEach
    void start() throws Exception {
        bot = RunningDiscord.fake();
        discord = bot.discord;
        bot.start(new SlowStore(), Duration.ofMillis(300));
    }

    @AfterEach
    void stop() throws Exception {
        bot.closeStrictly();
    }

    Shown awaitLast(long user, String contains) {
        await().atMost(WAIT)
                .until(
                        () ->
                                discord.last(user) != null
                                        && discord.last(user).content().contains(contains));
        return discord.last(user);
    }

    @Test
    void aClickInADmEditsItsMessageAndRepliesThereAreNotEphemeral() {
        discord.slash(42, 0, "start", Map.of());
        Shown ask = awaitLast(42, CATALOG.text("start.ask_adult"));
        assertThat(ask.ephemeral()).isFalse();
        discord.click(42, 0, ask.id(), ask.button("Yes").orElseThrow().customId());
        Shown consent = awaitLast(42, CATALOG.text("start.ask_consent"));
        assertThat(consent.id()).isEqualTo(ask.id());
        assertThat(consent.edits()).isEqualTo(1);
    }

    Shown click(long user, String label, String expect) {
        Shown on =
                discord.screen(user).stream()
                        .filter(Shown::hasButtons)
                        .reduce((a, b) -> b)
                        .orElseThrow();
        discord.click(user, 0, on.id(), on.button(label).orElseThrow().customId());
        return awaitLast(user, expect);
    }

    @Test
    void aNudgeGoesByDmAndItsButtonWorksThere() {
        discord.slash(47, 0, "start", Map.of());
        awaitLast(47, CATALOG.text("start.ask_adult"));
        click(47, "Yes", CATALOG.text("start.ask_consent"));
        click(47, "Yes", CATALOG.checkGroups().get(0).lines().get(0));
        for (int g = 1; g <= CATALOG.checkGroups().size(); g++) {
            click(
                    47,
                    "No",
                    g < CATALOG.checkGroups().size()
                            ? CATALOG.checkGroups().get(g).lines().get(0)
                            : CATALOG.text("outcome.self_care"));
        }
        click(47, CATALOG.text("button.plan_done"), CATALOG.text("plan.done"));
        discord.slash(47, 0, "nudge", Map.of("time", "20:00", "zone", "Europe/Berlin"));
        awaitLast(47, "I'll remind you at 20:00 (Europe/Berlin)");
        UserKey user = new UserKey(Platform.DISCORD, "47");
        bot.service.accept(
                new Inbound.NudgeDue(
                        user, ChatRef.privateWith("47"), "nudge-1", java.time.Instant.now(), false),
                bot.runtime.channel());
        await().atMost(WAIT).until(() -> discord.last(47).dm());
        Shown nudge = discord.last(47);
        assertThat(nudge.ephemeral()).isFalse();
        assertThat(CATALOG.nudges()).contains(nudge.content());
        discord.click(
                47,
                0,
                nudge.id(),
                nudge.button(CATALOG.text("button.nudge_start")).orElseThrow().customId());
        await().atMost(WAIT).until(() -> discord.last(47).edits() == 1);
        assertThat(discord.last(47).content())
                .as("the evening routine takes the nudge's place")
                .isNotEqualTo(nudge.content());
    }

    @Test
    void aSlowTurnIsDeferredInTimeAndItsAnswerEditsTheDeferredReply() {
        slowUntil = a -> a.type() == 5;
        long command = discord.slash(43, SERVER, "start", Map.of());
        Shown ask = awaitLast(43, CATALOG.text("start.ask_adult"));
        assertThat(discord.answers())
                .filteredOn(a -> a.interactionId() == command)
                .singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo(5))
                .satisfies(
                        a ->
                                assertThat(a.ephemeral())
                                        .as("the thinking note is private too")
                                        .isTrue());
        assertThat(ask.ephemeral()).isTrue();

        slowUntil = a -> a.type() == 6;
        long click =
                discord.click(43, SERVER, ask.id(), ask.button("Yes").orElseThrow().customId());
        Shown consent = awaitLast(43, CATALOG.text("start.ask_consent"));
        assertThat(consent.id()).as("a deferred click still edits its message").isEqualTo(ask.id());
        assertThat(discord.answers())
                .filteredOn(a -> a.interactionId() == click)
                .singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo(6));
    }

    @Test
    void buttonsFromAnUnknownSourceAreAnsweredLikeAnOutdatedOne() {
        discord.slash(44, 0, "start", Map.of());
        Shown ask = awaitLast(44, CATALOG.text("start.ask_adult"));
        discord.click(44, 0, ask.id(), "forged<button>");
        Shown note = awaitLast(44, CATALOG.text("input.stale_button"));
        assertThat(note.id()).isNotEqualTo(ask.id());
        assertThat(note.ephemeral())
                .as("a note about a stale button is only for the user")
                .isTrue();
    }

    @Test
    void twoShardsServeTheirOwnServersAndShardZeroTheDms() throws Exception {
        bot.start(
                new DiscordSettings(
                        FakeDiscord.TOKEN,
                        URI.create(discord.apiUrl()),
                        URI.create(discord.gatewayUrl()),
                        0,
                        1,
                        2),
                new InMemoryStateStore(),
                Duration.ofSeconds(2),
                null);
        long onShardOne = (1L << 22) | 77; // (guild id >> 22) % 2 == 1
        discord.slash(45, onShardOne, "help", Map.of());
        assertThat(awaitLast(45, CATALOG.text("help").substring(0, 20)).ephemeral()).isTrue();
        discord.slash(46, 0, "help", Map.of());
        assertThat(awaitLast(46, CATALOG.text("help").substring(0, 20)).ephemeral()).isFalse();
        assertThat(discord.identifies())
                .as("one session per shard, after the first start's")
                .isEqualTo(3);
    }

    @Test
    void aGatewayThatNeverAnswersFailsStartUpWithTheSettingToCheck() {
        ConversationService service = RunningDiscord.service(new InMemoryStateStore());
        DiscordSettings wrongGateway =
                DiscordSettings.of(
                        FakeDiscord.TOKEN,
                        URI.create(discord.apiUrl()),
                        URI.create("ws://127.0.0.1:9/"));
        assertThatThrownBy(
                        () ->
                                DiscordRuntime.start(
                                        wrongGateway,
                                        service,
                                        RunningDiscord.CATALOGS,
                                        Duration.ofSeconds(2),
                                        Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DISCORD_GATEWAY_URL")
                .hasMessageNotContaining(FakeDiscord.TOKEN);
    }

    @Test
    void aWrongTokenFailsAtLoginWithoutShowingIt() {
        ConversationService service = RunningDiscord.service(new InMemoryStateStore());
        String wrong = "MTk5OTk5OTk5OTk5OTk5OTk5.XxXxXx.not-the-fakes-token-0123456789";
        assertThatThrownBy(
                        () ->
                                DiscordRuntime.start(
                                        DiscordSettings.of(
                                                wrong,
                                                URI.create(discord.apiUrl()),
                                                URI.create(discord.gatewayUrl())),
                                        service,
                                        CATALOG))
                .hasMessageContaining("DISCORD_BOT_TOKEN")
                .hasMessageNotContaining(wrong);
        assertThat(discord.takeViolations())
                .as("the refused login is expected here")
                .singleElement()
                .asString()
                .startsWith("request without the bot token");
    }

    /** An in-memory store whose commits can be held back like a slow database. */
    final class SlowStore extends ForwardingStore {
        @Override
        public void commit(TurnRecord turn) {
            Predicate<InteractionLog.Answer> until = slowUntil;
            if (until != null) {
                await().atMost(WAIT).until(() -> discord.answers().stream().anyMatch(until));
                slowUntil = null;
            }
            super.commit(turn);
        }
    }
}
