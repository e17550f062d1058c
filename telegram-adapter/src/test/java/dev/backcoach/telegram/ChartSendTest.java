package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.progress.ProgressHistory;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.DuplicateEventException;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.ForwardingStore;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A reply that carries a progress chart reaches Telegram as a valid multipart sendPhoto (the strict
 * fake checks it), in the chat's order, without holding up other chats while it is drawn. The
 * replies are built here: which turn makes them is the engine's business.
 */
class ChartSendTest {
    static final String TOKEN = "123456:CHART-test";
    static final long ALICE = 501;
    static final long BOB = 502;
    static final List<List<Button>> BUTTONS = List.of(List.of(new Button("Log today", "progress")));

    FakeBotApi telegram;
    TelegramBot bot;
    CompletableFuture<Charts.Drawn> drawing = new CompletableFuture<>();

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN);
        var client =
                new OkHttpTelegramClient(
                        new OkHttpClient(),
                        TOKEN,
                        TelegramUrl.builder()
                                .schema("http")
                                .host("127.0.0.1")
                                .port(telegram.port())
                                .testServer(false)
                                .build());
        var catalog = CatalogLoader.load("en");
        var service =
                new ConversationService(
                        catalog,
                        new InMemoryStateStore(),
                        Clock.systemUTC(),
                        EffectHandler.NONE,
                        CacheSettings.DEFAULT);
        // 14 a second: a full bucket plus its refill stay under the fake's 30 in any second.
        bot = new TelegramBot(service, client, FakeBotApi.BOT_USERNAME, 14, 20, h -> drawing);
    }

    @AfterEach
    void stop() {
        bot.close();
        try {
            telegram.assertNoViolations();
        } finally {
            telegram.close();
        }
    }

    static Reply chartReply(String text) {
        var history =
                new ProgressHistory(
                        ZoneId.of("Europe/Berlin"),
                        LocalDate.of(2026, 12, 2),
                        new TreeMap<>(
                                Map.of(LocalDate.of(2026, 12, 1), 6, LocalDate.of(2026, 12, 2), 3)),
                        new TreeMap<>(Map.of(LocalDate.of(2026, 12, 2), 1)),
                        new TreeSet<>(),
                        new ProgressHistory.Labels(
                                "Your last 4 weeks", "Stiffness", "Sessions", "Reminder", "en"));
        return new Reply(text, BUTTONS, false, null, false, false, history);
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

    void deliver(long chat, Reply... replies) {
        bot.deliver(
                new UserKey(Platform.TELEGRAM, Long.toString(chat)),
                ChatRef.privateWith(Long.toString(chat)),
                List.of(replies));
    }

    void flush() throws InterruptedException {
        assertThat(bot.flush(Duration.ofSeconds(30))).as("everything sent").isTrue();
    }

    @Test
    void theChartIsAPhotoWithTheTextAsCaptionAndTheButtons() throws Exception {
        byte[] png = png();
        drawing.complete(new Charts.Drawn.Picture(png));

        deliver(ALICE, chartReply("Stiffness went from 6 to 3 over 2 days; 1 session."));
        flush();

        assertThat(telegram.chat(ALICE))
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.kind()).isEqualTo("photo");
                            assertThat(m.plainText())
                                    .isEqualTo(
                                            "Stiffness went from 6 to 3 over 2 days; 1 session.");
                            assertThat(m.buttonLabels()).containsExactly("Log today");
                        });
        var upload =
                (FakeBotApi.UploadedFile) telegram.calls("sendPhoto").get(0).params().get("photo");
        assertThat(ImageIO.read(new ByteArrayInputStream(upload.bytes())).getWidth())
                .isEqualTo(800);
    }

    @Test
    void aTextTooLongForACaptionGoesFirstAndThePhotoFollowsWithTheTitle() throws Exception {
        drawing.complete(new Charts.Drawn.Picture(png()));
        String words = "Stiffness went from 6 to 3. ".repeat(60).strip();

        deliver(ALICE, chartReply(words));
        flush();

        List<SentMessage> chat = telegram.chat(ALICE);
        assertThat(chat).extracting(SentMessage::kind).containsExactly("text", "photo");
        assertThat(chat.get(0).plainText()).isEqualTo(words);
        assertThat(chat.get(1).plainText()).isEqualTo("Your last 4 weeks");
        assertThat(chat.get(1).buttonLabels()).containsExactly("Log today");
    }

    @Test
    void withoutAPictureTheTextGoesWithTheNoteAndTheButtons() throws Exception {
        drawing.complete(new Charts.Drawn.TextOnly("Ask again in a minute for the picture."));

        deliver(ALICE, chartReply("Stiffness went from 6 to 3."));
        flush();

        assertThat(telegram.chat(ALICE))
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.kind()).isEqualTo("text");
                            assertThat(m.plainText())
                                    .isEqualTo(
                                            "Stiffness went from 6 to 3.\n\n"
                                                    + "Ask again in a minute for the picture.");
                            assertThat(m.buttonLabels()).containsExactly("Log today");
                        });
    }

    @Test
    void whileAChartIsDrawnItsChatWaitsInOrderAndOtherChatsDoNot() throws Exception {
        deliver(ALICE, chartReply("Your chart"), Reply.text("And one more thing."));

        // Bob's message goes out while Alice's chart is still being drawn.
        boolean sent =
                bot.deliverOnce(
                                new UserKey(Platform.TELEGRAM, Long.toString(BOB)),
                                ChatRef.privateWith(Long.toString(BOB)),
                                List.of(Reply.text("Time for your routine.")),
                                () -> true)
                        .join();
        assertThat(sent).isTrue();
        assertThat(telegram.chat(BOB))
                .extracting(SentMessage::plainText)
                .containsExactly("Time for your routine.");
        assertThat(telegram.chat(ALICE)).as("Alice's chat waits behind her chart").isEmpty();

        drawing.complete(new Charts.Drawn.Picture(png()));
        flush();

        assertThat(telegram.chat(ALICE))
                .extracting(SentMessage::kind, SentMessage::plainText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("photo", "Your chart"),
                        org.assertj.core.groups.Tuple.tuple("text", "And one more thing."));
    }

    @Test
    void aBurstOf100ChartsDoesNotStallAnotherUsersTurn() throws Exception {
        for (long chat = 1_000; chat < 1_100; chat++) {
            deliver(chat, chartReply("Your chart"), Reply.text("More after it."));
        }

        // Carol's /start runs and is answered while all 100 charts are still being drawn.
        byte[] start =
                telegram.privateTextUpdateJson(600, "/start").getBytes(StandardCharsets.UTF_8);
        UpdateJson.Read update =
                new UpdateJson(new ObjectMapper()).read(start, FakeBotApi.BOT_USERNAME);
        bot.onIncoming(update.updateId(), update.incoming(), false).sent().join();

        assertThat(telegram.chat(600)).isNotEmpty();
        assertThat(telegram.calls("sendPhoto")).isEmpty();
        assertThat(telegram.chat(1_000)).as("a chart's chat keeps its order").isEmpty();

        drawing.complete(new Charts.Drawn.Picture(png()));
        flush();
        for (long chat = 1_000; chat < 1_100; chat++) {
            assertThat(telegram.chat(chat))
                    .extracting(SentMessage::kind)
                    .containsExactly("photo", "text");
        }
    }

    @Test
    void aReplayedChartOnAWebhookUpdateGoesThroughTheOutboxNotTheResponse() throws Exception {
        // The store says this update was handled before, with a chart: the service replays it.
        var replaying =
                new ConversationService(
                        CatalogLoader.load("en"),
                        new ForwardingStore() {
                            @Override
                            public void commit(TurnRecord turn) {
                                throw new DuplicateEventException(
                                        "delivered again", List.of(chartReply("Your chart")));
                            }
                        },
                        Clock.systemUTC(),
                        EffectHandler.NONE,
                        CacheSettings.DEFAULT);
        drawing.complete(new Charts.Drawn.Picture(png()));
        try (TelegramBot webhookBot =
                new TelegramBot(
                        replaying, bot.client(), FakeBotApi.BOT_USERNAME, 14, 20, h -> drawing)) {
            byte[] json =
                    telegram.privateTextUpdateJson(ALICE, "/progress")
                            .getBytes(StandardCharsets.UTF_8);
            UpdateJson.Read update =
                    new UpdateJson(new ObjectMapper()).read(json, FakeBotApi.BOT_USERNAME);

            TelegramBot.Handled handled =
                    webhookBot.onIncoming(update.updateId(), update.incoming(), true);

            assertThat(handled.inline()).as("no webhook response body").isNull();
            handled.sent().join();
        }
        assertThat(telegram.chat(ALICE))
                .extracting(SentMessage::kind, SentMessage::plainText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("photo", "Your chart"));
        assertThat(Render.fitsOneMessage(chartReply("short"))).isFalse();
    }
}
