package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.progress.ProgressHistory;
import dev.backcoach.core.service.DuplicateEventException;
import dev.backcoach.core.service.ForwardingStore;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.InteractionLog;
import dev.backcoach.discord.fake.Shown;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reply that carries a progress chart reaches Discord with the PNG attached (the strict fake
 * checks the upload): in a server privately and deferred first, in a DM as a message. The store
 * hands the service a chart reply to replay, as it would for a re-delivered /progress: which turn
 * makes such replies is the engine's business.
 */
class DiscordChartTest {
    static final Duration WAIT = RunningDiscord.WAIT;
    static final String TEXT = "Stiffness went from 6 to 3 over 2 days; 1 session.";

    RunningDiscord bot;
    FakeDiscord discord;
    volatile Charts.@Nullable Drawn drawn;

    /** Every event was "committed before" with the chart reply: the service replays it. */
    static final class ReplayingStore extends ForwardingStore {
        @Override
        public Precheck precheck(UserKey user, String eventId) {
            return new Precheck(0, Optional.of(List.of(chartReply())));
        }

        @Override
        public void commit(TurnRecord turn) {
            throw new DuplicateEventException("delivered again", List.of(chartReply()));
        }
    }

    @BeforeEach
    void start() throws Exception {
        bot = RunningDiscord.fake();
        discord = bot.discord;
        // Drawn on another thread, as the pool does.
        Charts charts = history -> CompletableFuture.supplyAsync(() -> drawn);
        bot.start(new ReplayingStore(), Duration.ofMillis(2_000), charts);
    }

    @AfterEach
    void stop() throws Exception {
        bot.closeStrictly();
    }

    static Reply chartReply() {
        var history =
                new ProgressHistory(
                        ZoneId.of("Europe/Berlin"),
                        LocalDate.of(2026, 12, 2),
                        new TreeMap<>(Map.of(LocalDate.of(2026, 12, 1), 6)),
                        new TreeMap<>(),
                        new TreeSet<>(),
                        new ProgressHistory.Labels(
                                "Your 4 weeks", "Stiffness", "Sessions", "Reminder", "en"));
        return new Reply(
                TEXT,
                List.of(List.of(new Button("Log today", "progress"))),
                false,
                null,
                false,
                false,
                history);
    }

    static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Shown awaitLast(long user) {
        // A deferred answer shows as an empty message until it is edited in.
        await().atMost(WAIT)
                .until(() -> discord.last(user) != null && !discord.last(user).content().isEmpty());
        return discord.last(user);
    }

    @Test
    void inAServerTheChartIsAPrivateAttachmentAfterADeferral() {
        drawn = new Charts.Drawn.Picture(png());

        discord.slash(61, 9, "progress", Map.of());
        Shown answer = awaitLast(61);

        assertThat(answer.content()).isEqualTo(TEXT);
        assertThat(answer.files()).containsExactly("progress.png");
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.labels()).containsExactly("Log today");
        assertThat(discord.answers())
                .extracting(InteractionLog.Answer::type)
                .as("acknowledged first, answered when drawn")
                .containsExactly(5);
    }

    @Test
    void withoutAPictureTheTextGoesWithTheNote() {
        drawn = new Charts.Drawn.TextOnly("Ask again in a minute for the picture.");

        discord.slash(62, 9, "progress", Map.of());
        Shown answer = awaitLast(62);

        assertThat(answer.content()).isEqualTo(TEXT + "\n\nAsk again in a minute for the picture.");
        assertThat(answer.files()).isEmpty();
    }

    @Test
    void aDirectMessageCarriesTheChartToo() {
        drawn = new Charts.Drawn.Picture(png());

        bot.runtime
                .channel()
                .deliver(
                        new UserKey(Platform.DISCORD, "63"),
                        ChatRef.privateWith("63"),
                        List.of(chartReply()));
        Shown dm = awaitLast(63);

        assertThat(dm.dm()).isTrue();
        assertThat(dm.files()).containsExactly("progress.png");
        assertThat(dm.content()).isEqualTo(TEXT);
    }

    @Test
    void theFakeRefusesAPngThatIsNoImage() {
        drawn =
                new Charts.Drawn.Picture(
                        "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        bot.runtime
                .channel()
                .deliver(
                        new UserKey(Platform.DISCORD, "64"),
                        ChatRef.privateWith("64"),
                        List.of(chartReply()));

        await().atMost(WAIT).until(() -> !discord.violations().isEmpty());
        assertThat(discord.takeViolations())
                .anyMatch(v -> v.contains("progress.png: not a decodable PNG"));
        assertThat(discord.screen(64)).isEmpty();
    }
}
