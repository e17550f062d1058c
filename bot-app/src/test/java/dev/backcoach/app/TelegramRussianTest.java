package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.TestClock;
import dev.backcoach.core.model.Language;
import dev.backcoach.telegram.fake.SentMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the strict fake Bot API in Russian: a whole conversation, a switch to
 * Spanish in the middle of the check (the Russian button still answers it), and a city typed in
 * Cyrillic where only Latin names are read.
 */
class TelegramRussianTest {
    private static final Speaking RU = Speaking.russian();
    private static final Speaking ES = Speaking.spanish();

    final TestClock clock = TestClock.running(Instant.parse("2026-03-23T18:00:00Z"));
    @RegisterExtension final TelegramHarness bot = new TelegramHarness().clock(clock);

    @Test
    void aWholeConversationInRussian() {
        bot.telegram().language(3001, RU.telegramTag);
        Conversation.play(RU, bot.user(3001).player(clock));
        assertThat(bot.telegram().chat(3001))
                .anyMatch(m -> m.kind().equals("photo"))
                .anyMatch(m -> m.kind().equals("document"))
                .allSatisfy(RU::check);
    }

    @Test
    void switchingToSpanishMidCheckKeepsTheQuestionAndTheRussianButtonStillWorks() {
        bot.telegram().language(3002, "ru-RU");
        TelegramUser olga = bot.user(3002);
        Conversation.Player player = olga.player(clock);
        player.command("start", "", RU.head("start.ask_adult"));
        player.press(RU.text("button.yes"), RU.head("start.ask_consent"));
        SentMessage russian = olga.after(() -> olga.tap(RU.text("button.agree")), "(1/");

        player.command("language", "es", ES.head("language.changed"));
        assertThat(olga.last().plainText()).contains("(1/");
        assertThat(bot.stored(3002).language()).isEqualTo(new Language("es", true));
        SentMessage next =
                olga.after(
                        () ->
                                bot.telegram()
                                        .enqueue(
                                                bot.telegram()
                                                        .callbackUpdateJson(
                                                                3002,
                                                                3002,
                                                                russian.messageId(),
                                                                russian.button(
                                                                                RU.text(
                                                                                        "button.check_no"))
                                                                        .callbackData())),
                        "(2/");
        assertThat(next.plainText()).contains(ES.catalog.checkGroups().get(1).lines().get(0));
        ES.check(next);
        ES.check(olga.last());
    }

    @Test
    void aCityTypedInCyrillicWhereOnlyLatinIsReadGetsARussianAnswer() {
        bot.telegram().language(3003, "ru");
        TelegramUser olga = bot.user(3003);
        Conversation.Player player = olga.player(clock);
        Conversation.onboard(RU, player);
        player.command("progress", "6", RU.head("progress.rate_after_zone", "score", "6"));

        clock.advance(Chat.HUMAN_PACE);
        SentMessage answer = olga.after(() -> type(3003, "Москва"), "«Москва»");
        assertThat(answer.plainText()).startsWith(RU.head("nudge.bad_zone")).doesNotContain("{");
        RU.check(answer);
        clock.advance(Chat.HUMAN_PACE);
        olga.after(
                () -> type(3003, "Moscow"),
                RU.head("progress.zone_saved", "zone", "Europe/Moscow"));
        assertThat(bot.telegram().chat(3003)).allSatisfy(RU::check);
    }

    private void type(long user, String text) {
        bot.telegram().enqueue(bot.telegram().privateTextUpdateJson(user, text));
    }
}
