package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.language.EnglishFragments;
import dev.backcoach.telegram.fake.SentMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the strict fake Bot API, for a user whose app reports "es-419": the menu
 * and descriptions are set in Spanish for language_code "es", and a whole conversation (check,
 * plan, technique, routine, reminder) is Spanish within Telegram's limits.
 */
class TelegramSpanishTest {
    private static final Catalog ES = Catalogs.load().get("es");
    private final EnglishFragments english = new EnglishFragments("es");

    @RegisterExtension final TelegramHarness bot = new TelegramHarness();

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
        bot.telegram().language(2001, "es-419");
        TelegramUser ana = new TelegramUser(bot.telegram(), 2001);
        spanish(ana.send("/start", ES.text("start.ask_adult")));
        spanish(ana.press(ES.text("button.yes"), "¿Estás de acuerdo?"));
        spanish(ana.press(ES.text("button.agree"), "(1/6)"));
        for (int i = 1; i < ES.checkGroups().size(); i++) {
            spanish(ana.press(ES.text("button.check_no"), "(" + (i + 1) + "/6)"));
        }
        spanish(ana.press(ES.text("button.check_no"), "¿Qué tienes en casa?"));
        spanish(ana.press(ES.text("button.plan_done"), ES.text("plan.done")));
        spanish(ana.send("/techniques heat", "Antes de empezar"));
        spanish(ana.press(ES.text("button.next"), "paso 1 de 4"));
        spanish(ana.send("/routine evening", "Rutina de noche"));
        spanish(ana.send("/nudge 20:30 Europe/Madrid", "Te lo recordaré"));
        for (SentMessage m : bot.telegram().chat(2001)) {
            assertThat(m.plainText()).hasSizeLessThanOrEqualTo(4_096);
        }
    }

    private void spanish(SentMessage message) {
        assertThat(english.in(message.plainText())).as(message.plainText()).isEmpty();
    }
}
