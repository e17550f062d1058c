package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Platform;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The real application long polling (or, with {@link #webhook}, served by) the strict fake Bot API:
 * {@code @RegisterExtension final TelegramHarness bot = new TelegramHarness();}. After each test
 * the fake must have seen nothing Telegram would refuse, and every button press answered.
 */
final class TelegramHarness extends AppHarness<TelegramHarness> {
    static final String TOKEN = "123456:TEST-token_abc";

    private @Nullable FakeBotApi telegram;

    TelegramHarness() {
        // Scripted users tap faster than people; Telegram's ~1/s a chat would make each test take
        // minutes.
        with("TELEGRAM_CHAT_RATE", "20");
    }

    /** Webhook mode on {@code port}, with the secret Telegram must send. */
    TelegramHarness webhook(int port, String secret) {
        with("TELEGRAM_MODE", "webhook");
        with("TELEGRAM_WEBHOOK_PORT", Integer.toString(port));
        with("TELEGRAM_WEBHOOK_SECRET", secret);
        with("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram");
        return this;
    }

    @Override
    TelegramHarness self() {
        return this;
    }

    @Override
    Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    void startPlatform(Map<String, String> env) {
        telegram = FakeBotApi.start(TOKEN).limits(30, 25, 20);
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port());
    }

    @Override
    void checkAndStopPlatform() {
        if (telegram == null) {
            return;
        }
        try {
            telegram.assertNoViolations();
            assertThat(telegram.unansweredCallbacks())
                    .as("every button press is answered")
                    .isEmpty();
        } finally {
            telegram.close();
            telegram = null;
        }
    }

    FakeBotApi telegram() {
        if (telegram == null) {
            throw new IllegalStateException("no test is running");
        }
        return telegram;
    }

    TelegramUser user(long id) {
        return new TelegramUser(telegram(), id);
    }

    /**
     * Start, 18+, consent, no warning sign, a full plan: a self-care user with every technique
     * open.
     */
    static TelegramUser toSelfCare(TelegramUser user) {
        user.send("/start", CATALOG.text("start.ask_adult"));
        user.press("Yes", CATALOG.text("start.ask_consent"));
        user.press("Yes", Scripts.firstGroup(CATALOG));
        Scripts.noRedFlagsAndAFullPlan(CATALOG, (label, expect) -> user.press(label, expect));
        return user;
    }
}
