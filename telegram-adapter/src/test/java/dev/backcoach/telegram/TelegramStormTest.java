package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.FakeBotApi.Fault;
import dev.backcoach.telegram.fake.SentMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Telegram in a storm, on real time, through the real client and outbox: 429 with retry_after to
 * half the calls, then 5xx to every call, then answers that come too late for half the calls; a
 * steady stream of replies to 20 chats meanwhile. Every reply arrives, in order in its chat, and
 * the fake never sees the send budget exceeded. Each phase lasts 5 s (longer than the 3.5 s a call
 * was once retried for); {@code -Dfaults.storm.seconds=60} (the fault suite's full mode) makes it a
 * minute.
 */
class TelegramStormTest {
    static final String TOKEN = "123456:STORM-test";
    static final int CHATS = 20;
    static final long PHASE_NANOS =
            TimeUnit.SECONDS.toNanos(Long.getLong("faults.storm.seconds", 5));

    @Test
    void everyReplyArrivesInOrderWithinTheBudget() throws Exception {
        long start = System.nanoTime();
        Random random = new Random(55);
        try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
            telegram.storm(
                    (method, nanos) -> {
                        long phase = (nanos - start) / PHASE_NANOS;
                        synchronized (random) {
                            if (phase == 0 && random.nextBoolean()) {
                                int wait = 1 + random.nextInt(3);
                                return Fault.error(
                                        429, "Too Many Requests: retry after " + wait, wait);
                            }
                            if (phase == 1) {
                                return Fault.error(
                                        random.nextBoolean() ? 502 : 500, "Bad Gateway", null);
                            }
                            if (phase == 2 && random.nextBoolean()) {
                                return Fault.slow(Duration.ofMillis(1_500));
                            }
                        }
                        return null;
                    });
            OkHttpClient http =
                    new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(1)).build();
            OkHttpTelegramClient client =
                    new OkHttpTelegramClient(
                            http,
                            TOKEN,
                            TelegramUrl.builder()
                                    .schema("http")
                                    .host("127.0.0.1")
                                    .port(telegram.port())
                                    .testServer(false)
                                    .build());
            SendCounters counters = new SendCounters();
            Outbox outbox = new Outbox(client, 30, 1, chat -> {}, counters, Pacer.system());
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            int[] next = new int[CHATS];
            AtomicLong slowest = new AtomicLong();
            // About 13 replies a second, under the 30 a second budget, for the three phases.
            while (System.nanoTime() - start < 3 * PHASE_NANOS) {
                for (int c = 0; c < CHATS; c++) {
                    long chat = 5_000 + c;
                    String text = "reply " + ++next[c];
                    long submitted = System.nanoTime();
                    sent.add(
                            outbox.submit(
                                            chat,
                                            false,
                                            "sendMessage",
                                            cl ->
                                                    cl.execute(
                                                            SendMessage.builder()
                                                                    .chatId(chat)
                                                                    .text(text)
                                                                    .build()))
                                    .whenComplete(
                                            (ok, failure) ->
                                                    slowest.accumulateAndGet(
                                                            System.nanoTime() - submitted,
                                                            Math::max)));
                }
                Thread.sleep(1_500);
            }
            telegram.storm((method, nanos) -> null);
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(5, TimeUnit.MINUTES);
            outbox.close();

            long duplicates = 0;
            for (int c = 0; c < CHATS; c++) {
                List<String> shown =
                        telegram.chat(5_000 + c).stream().map(SentMessage::plainText).toList();
                List<String> distinct = new ArrayList<>();
                for (String text : shown) {
                    if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(text)) {
                        distinct.add(text);
                    }
                }
                duplicates += shown.size() - distinct.size();
                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= next[c]; i++) {
                    expected.add("reply " + i);
                }
                assertThat(distinct).as("chat %s: every reply, in order", c).isEqualTo(expected);
            }
            assertThat(counters.failed()).as("replies given up on").isZero();
            telegram.assertNoViolations(); // the rate watch: 30 a second, 3 a second to one chat
            String row =
                    String.format(
                            "ROW\ttelegram-storm\t%d chats, %d replies\t429 50%%, 5xx 100%%, late answers 50%%, %d s each\t%d\t0\t%d\t%d\tPASS%n",
                            CHATS,
                            sent.size(),
                            PHASE_NANOS / 1_000_000_000L,
                            sent.size(),
                            duplicates,
                            slowest.get() / 1_000_000);
            System.out.print(row);
            // For scripts/faults/55-telegram-storm.sh, which reports it without running it again.
            Path rows = Path.of("target", "fault-rows");
            Files.createDirectories(rows);
            Files.writeString(rows.resolve("telegram-storm.tsv"), row);
        }
    }
}
