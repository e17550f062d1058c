package dev.backcoach.faults.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcoach.faults.common.BotProcess;
import dev.backcoach.faults.common.Row;
import dev.backcoach.faults.outage.ChatUser;
import dev.backcoach.faults.outage.Redelivery;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fuzzed updates to both receivers: the webhook (POSTed by 6 senders at once) and long polling
 * (queued in the fake, which hands them out through getUpdates). Meanwhile a scripted user goes
 * about their conversation and must be answered every time. Passes with no ERROR line and no dead
 * thread in the process's log, no 5xx from the webhook, the process alive, and nothing the strict
 * fake would refuse. Usage: {@code FuzzTelegram [count per receiver] [seed]
 * [webhook|polling|both]}; FAULT_MODE sets the default count (100,000 full, 2,000 short); the seed
 * is random unless given, and printed.
 */
public final class FuzzTelegram {
    static final String TOKEN = "123456:TEST-token_abc";
    static final String SECRET = "fault-suite-secret";
    static final long SCRIPTED_USER = 4242;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzTelegram() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : Row.full() ? 100_000 : 2_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        System.err.println(
                "fuzz-telegram: seed "
                        + seed
                        + " (rerun: FuzzTelegram "
                        + count
                        + " "
                        + seed
                        + ")");
        String which = args.length > 2 ? args[2] : "both";
        int failed = 0;
        if (!which.equals("polling")) {
            failed |= run("webhook", count, seed);
        }
        if (!which.equals("webhook")) {
            failed |= run("polling", count, seed + 1);
        }
        System.exit(failed);
    }

    static int run(String mode, int count, long seed) throws Exception {
        UpdateFuzzer fuzzer = new UpdateFuzzer(seed);
        Row row =
                new Row(
                        "fuzz-telegram-" + mode,
                        count + " fuzzed updates + 1 scripted user",
                        fuzzer.kinds() + " update kinds, seed " + seed);
        Path dir = Files.createTempDirectory("faults-fuzz-");
        try (FakeBotApi telegram = FakeBotApi.start(TOKEN).limits(100_000, 1_000, 1_000)) {
            int webhookPort = BotProcess.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("TELEGRAM_API_URL", telegram.baseUrl());
            env.put("TELEGRAM_MODE", mode);
            env.put("TELEGRAM_SEND_RATE", "100000");
            env.put("TELEGRAM_CHAT_RATE", "1000");
            if (mode.equals("webhook")) {
                env.put("TELEGRAM_WEBHOOK_PORT", Integer.toString(webhookPort));
                env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
            }
            env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("bot.db"));
            try (BotProcess bot = BotProcess.start(env, dir.resolve("bot.log"))) {
                Redelivery webhook =
                        new Redelivery(webhookPort, SECRET, telegram, Duration.ofSeconds(30));
                ChatUser.Delivery delivery =
                        mode.equals("webhook")
                                ? webhook
                                : json -> {
                                    // Telegram numbers an update when it queues it: an id taken
                                    // when the update was written could fall behind the fuzzed
                                    // updates queued meanwhile, below the poller's offset.
                                    telegram.enqueue(withoutId(json));
                                    return 200;
                                };
                Scripted scripted =
                        new Scripted(new ChatUser(SCRIPTED_USER, telegram, delivery, seed));
                scripted.start();
                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                long start = System.nanoTime();
                if (mode.equals("webhook")) {
                    AtomicInteger sent = new AtomicInteger();
                    Thread[] senders = new Thread[6];
                    for (int t = 0; t < senders.length; t++) {
                        UpdateFuzzer own = new UpdateFuzzer(seed * 31 + t);
                        senders[t] =
                                new Thread(
                                        () -> {
                                            try {
                                                while (sent.getAndIncrement() < count) {
                                                    int status =
                                                            webhook.post(own.next(true).toString());
                                                    statuses.computeIfAbsent(
                                                                    status,
                                                                    s -> new AtomicInteger())
                                                            .incrementAndGet();
                                                }
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                            }
                                        });
                        senders[t].start();
                    }
                    for (Thread sender : senders) {
                        sender.join();
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        while (telegram.pendingUpdates() > 2_000) {
                            Thread.sleep(5);
                        }
                        telegram.enqueue(fuzzer.next(false).toString());
                    }
                    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                    while (telegram.pendingUpdates() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    row.check(
                            telegram.pendingUpdates() == 0,
                            telegram.pendingUpdates() + " updates never confirmed by the poller");
                }
                long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
                scripted.stop();
                // By design: forged chats do not exist, so Telegram refuses replies to them (the
                // outbox
                // logs each refusal), and button presses the fuzzer forged were never issued.
                List<String> errors =
                        bot.errors().stream()
                                .filter(
                                        l ->
                                                !l.contains(
                                                        "refused: 400 Bad Request: chat not found"))
                                .toList();
                List<String> refused =
                        telegram.violations().stream()
                                .filter(
                                        v ->
                                                !v.contains("chat not found")
                                                        && !v.contains(
                                                                "was never delivered by this fake"))
                                .toList();
                long serverErrors =
                        statuses.entrySet().stream()
                                .filter(e -> e.getKey() >= 500)
                                .mapToLong(e -> e.getValue().get())
                                .sum();
                System.err.printf(
                        "fuzz-telegram-%s: %d updates in %d s (%d/s), statuses %s, scripted user %d actions, %d ERROR lines, %d refused by the fake%n",
                        mode,
                        count,
                        seconds,
                        count / seconds,
                        statuses,
                        scripted.actions.get(),
                        errors.size(),
                        refused.size());
                errors.stream().limit(10).forEach(l -> System.err.println("  log: " + l));
                refused.stream().limit(10).forEach(l -> System.err.println("  fake: " + l));
                row.check(bot.alive(), "the process died");
                row.check(
                        errors.isEmpty(),
                        errors.size() + " ERROR lines or dead threads in the log");
                row.check(serverErrors == 0, serverErrors + " answers of 5xx from the webhook");
                row.check(
                        statuses.getOrDefault(-1, new AtomicInteger()).get() == 0,
                        "connections failed");
                row.check(refused.isEmpty(), refused.size() + " requests the fake Bot API refused");
                row.check(scripted.actions.get() > 0, "the scripted user never got a turn");
                row.check(
                        scripted.lost.get() == 0,
                        scripted.lost.get() + " of the scripted user's updates unanswered");
                return row.print(
                        count,
                        scripted.lost.get(),
                        scripted.duplicated.get(),
                        scripted.maxLatency.get());
            }
        }
    }

    private static String withoutId(String update) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(update);
            node.remove("update_id");
            return node.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the scripted user's update is not JSON", e);
        }
    }

    /** The normal user: one action about every 1.3 s while the fuzz runs, each answered. */
    static final class Scripted {
        final ChatUser user;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong actions = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong maxLatency = new AtomicLong();
        final Thread thread;

        Scripted(ChatUser user) {
            this.user = user;
            this.thread = new Thread(this::run, "scripted-user");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            try {
                while (running.get()) {
                    duplicated.addAndGet(user.unexpected());
                    ChatUser.Outcome outcome = user.act("\u0000never", 30_000);
                    actions.incrementAndGet();
                    if (!outcome.answered()) {
                        lost.incrementAndGet();
                        System.err.println("scripted user unanswered: " + outcome.update());
                    }
                    maxLatency.accumulateAndGet(outcome.latencyMs(), Math::max);
                    // A person's pace: faster than a turn a second, the flood guard lets
                    // messages go unanswered on purpose.
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(60_000);
        }
    }
}
