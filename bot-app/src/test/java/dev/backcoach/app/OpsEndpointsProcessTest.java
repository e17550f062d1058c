package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.telegram.fake.FakeBotApi;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as its own JVM on Telegram (long polling against the strict fake), watched the way an
 * operator watches it: liveness, readiness with a reason when Telegram goes away, and metrics that
 * count and time the conversation without any user id or text.
 */
class OpsEndpointsProcessTest {
    static final long USER = 918_273_645L;

    @TempDir Path dir;

    @Test
    void healthReadinessAndMetricsOfARunningBot() throws Exception {
        FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN).limits(30, 25, 20);
        try (telegram;
                ConsoleProcess bot =
                        ConsoleProcess.start(
                                dir,
                                Map.of(
                                        "TELEGRAM_BOT_TOKEN", TelegramHarness.TOKEN,
                                        "TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port(),
                                        "TELEGRAM_CHAT_RATE", "20",
                                        "DATABASE_URL", "jdbc:sqlite:state/bot.db",
                                        "LOG_LEVEL", "info"))) {
            OpsClient ops = new OpsClient(bot.httpPort(TelegramUser.WAIT));
            assertThat(ops.get("/healthz"))
                    .isEqualTo(new OpsClient.Answer(200, "text/plain; charset=utf-8", "ok\n"));
            await().atMost(TelegramUser.WAIT).until(() -> ops.get("/readyz").status() == 200);
            assertThat(ops.get("/readyz").body()).isEqualTo("ready\n");

            TelegramUser anna = new TelegramUser(telegram, USER);
            anna.send("/start", TelegramHarness.CATALOG.text("start.ask_adult"));
            anna.press("Yes", TelegramHarness.CATALOG.text("start.ask_consent"));

            OpsClient.Answer scrape = ops.get("/metrics");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.contentType()).startsWith("text/plain; version=0.0.4");
            String metrics = scrape.body();
            assertThat(
                            OpsClient.sample(
                                    metrics,
                                    "backcoach_updates_received_total{kind=\"command\",platform=\"telegram\"}"))
                    .isEqualTo(1);
            assertThat(
                            OpsClient.sample(
                                    metrics,
                                    "backcoach_updates_received_total{kind=\"choice\",platform=\"telegram\"}"))
                    .isEqualTo(1);
            assertThat(
                            OpsClient.sample(
                                    metrics,
                                    "backcoach_turn_duration_seconds_count{platform=\"telegram\"}"))
                    .isEqualTo(2);
            assertThat(
                            OpsClient.sample(
                                    metrics,
                                    "backcoach_turn_duration_seconds_bucket{platform=\"telegram\",le=\"+Inf\"}"))
                    .isEqualTo(2);
            // /start's message, then the press: the next question and the answer to the button
            // press,
            // which may still be on its way when the question arrived
            await().atMost(TelegramUser.WAIT)
                    .until(
                            () ->
                                    OpsClient.sample(
                                                    ops.get("/metrics").body(),
                                                    "backcoach_messages_sent_total{platform=\"telegram\"}")
                                            == 3);
            assertThat(
                            OpsClient.sample(
                                    metrics,
                                    "backcoach_send_rate_limited_total{platform=\"telegram\"}"))
                    .isZero();
            assertThat(
                            OpsClient.sample(
                                    metrics, "backcoach_send_retries_total{platform=\"telegram\"}"))
                    .isZero();
            assertThat(OpsClient.sample(metrics, "backcoach_session_cache_hit_ratio"))
                    .isBetween(0.0, 1.0);
            assertThat(OpsClient.sample(metrics, "backcoach_db_connections_max")).isPositive();
            assertThat(OpsClient.sample(metrics, "backcoach_database_up")).isEqualTo(1);
            assertThat(OpsClient.sample(metrics, "backcoach_nudges_total{outcome=\"sent\"}"))
                    .isZero();
            assertThat(OpsClient.sample(metrics, "backcoach_scheduler_backlog")).isZero();
            assertThat(OpsClient.sample(metrics, "backcoach_scheduler_lag_seconds")).isZero();
            // counted in the database once a minute, so only its presence is certain here
            assertThat(OpsClient.sample(metrics, "backcoach_users{route=\"self_care\"}"))
                    .isGreaterThanOrEqualTo(0);
            assertThat(metrics)
                    .as("no user id, no text, no secret")
                    .doesNotContain(
                            Long.toString(USER),
                            "/start",
                            "Yes",
                            TelegramHarness.TOKEN,
                            "TEST-token");

            assertThat(ops.get("/nothing").status()).isEqualTo(404);
            assertThat(ops.post("/healthz").status()).isEqualTo(405);

            telegram.close(); // Telegram goes away: still alive, no longer ready, and says why
            await().atMost(TelegramUser.WAIT).until(() -> ops.get("/readyz").status() == 503);
            assertThat(ops.get("/readyz").body())
                    .isEqualTo(
                            "not ready: telegram: polling Telegram fails; retrying with back-off\n");
            assertThat(ops.get("/healthz").status()).isEqualTo(200);
            assertThat(bot.stderr()).doesNotContain(TelegramHarness.TOKEN);
        }
    }
}
