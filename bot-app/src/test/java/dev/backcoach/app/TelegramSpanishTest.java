package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.TestClock;
import dev.backcoach.telegram.fake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the strict fake Bot API in Spanish: the menu and descriptions set for
 * language_code "es", and a whole conversation for a user whose app reports "es-419", every
 * message, caption and button Spanish and within Telegram's limits.
 */
class TelegramSpanishTest {
    private static final Speaking ES = Speaking.spanish();

    final TestClock clock = TestClock.running(Instant.parse("2026-03-23T18:00:00Z"));
    @RegisterExtension final TelegramHarness bot = new TelegramHarness().clock(clock);

    @Test
    void theMenuAndDescriptionsAreSetPerLanguage() {
        // Published beside serving updates, right after start.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(this::menuAndDescriptions);
    }

    private void menuAndDescriptions() {
        assertThat(bot.telegram().commands("es"))
                .containsEntry("check", ES.text("command.check"))
                .containsEntry("language", ES.text("command.language"));
        assertThat(bot.telegram().commands())
                .containsEntry("language", "Choose the language I speak");
        assertThat(bot.telegram().description("setMyDescription", "es"))
                .isEqualTo(ES.text("bot.description"));
        assertThat(bot.telegram().description("setMyShortDescription", "es"))
                .isEqualTo(ES.text("bot.short_description"));
        assertThat(bot.telegram().description("setMyShortDescription", "")).startsWith("Gentle");
    }

    @Test
    void aWholeConversationInSpanish() {
        bot.telegram().language(2001, ES.telegramTag);
        Conversation.play(ES, bot.user(2001).player(clock));
        assertEverySpanishAndWithinLimits(bot.telegram().chat(2001));
    }

    /**
     * Why this conversation used to time out after the reminder: typed commands with no time
     * between them on the bot's clock. The flood guard lets three through a second, answers the
     * fourth "one moment…" (in the user's language) and lets the rest go, so a script waiting for
     * the fourth command's answer waits for ever. {@link TelegramUser#player} now takes a person's
     * moment before each command.
     */
    @Test
    void commandsTypedFasterThanAPersonHearOneMomentInSpanish() {
        bot.telegram().language(2002, "es");
        TelegramUser ana = bot.user(2002);
        ana.after(
                () -> {
                    for (int i = 0; i < 8; i++) {
                        bot.telegram().enqueue(bot.telegram().privateTextUpdateJson(2002, "/help"));
                    }
                },
                ES.head("flood.wait"));
        assertEverySpanishAndWithinLimits(bot.telegram().chat(2002));
    }

    @Test
    void aLanguageWithoutACatalogOrNoneAtAllMeansEnglish() {
        bot.telegram().language(2003, "pt-br").language(2004, "");
        bot.user(2003).send("/start", AppHarness.CATALOG.text("start.ask_adult"));
        bot.user(2004).send("/start", AppHarness.CATALOG.text("start.ask_adult"));
        assertThat(bot.stored(2003).language().code()).isEqualTo("en");
        assertThat(bot.stored(2004).language()).isNull();
    }

    private static void assertEverySpanishAndWithinLimits(List<SentMessage> chat) {
        assertThat(chat).isNotEmpty();
        chat.forEach(ES::check);
    }
}
