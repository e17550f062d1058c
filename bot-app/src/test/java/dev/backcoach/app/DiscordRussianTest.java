package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.TestClock;
import dev.backcoach.core.model.Language;
import dev.backcoach.discord.fake.Shown;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the fake Discord, for users whose client is in Russian: a whole
 * conversation in a server (every answer only they see), a switch to Spanish in the middle of the
 * check, and a city in Cyrillic in the Latin-only zone option.
 */
class DiscordRussianTest {
    private static final Speaking RU = Speaking.russian();
    private static final Speaking ES = Speaking.spanish();

    final TestClock clock = TestClock.running(Instant.parse("2026-03-23T18:00:00Z"));
    @RegisterExtension final DiscordHarness bot = new DiscordHarness().clock(clock);

    @Test
    void commandsAreDescribedInRussian() {
        assertThat(
                        bot.discord()
                                .commands()
                                .get("progress")
                                .path("description_localizations")
                                .path("ru")
                                .asText())
                .isEqualTo(RU.text("command.progress"));
    }

    @Test
    void aWholeConversationInRussianInAServer() {
        bot.discord().locale(31_001, RU.discordLocale);
        DiscordUser olga = new DiscordUser(bot.discord(), 31_001, DiscordHarness.SERVER);
        Conversation.play(RU, olga.player(RU, clock));
        olga.awaitFile(".json");
        assertThat(bot.discord().screen(31_001))
                .anyMatch(m -> m.files().stream().anyMatch(f -> f.endsWith(".png")))
                .anyMatch(m -> m.files().stream().anyMatch(f -> f.endsWith(".json")))
                .allMatch(Shown::ephemeral)
                .allSatisfy(RU::check);
    }

    @Test
    void switchingToSpanishMidCheckKeepsTheQuestionAndTheRussianButtonStillWorks() {
        bot.discord().locale(31_002, "ru");
        DiscordUser olga = new DiscordUser(bot.discord(), 31_002, 0);
        Conversation.Player player = olga.player(RU, clock);
        player.command("start", "", RU.head("start.ask_adult"));
        player.press(RU.text("button.yes"), RU.head("start.ask_consent"));
        Shown russian = olga.after(() -> olga.click(RU.text("button.agree")), "(1/");

        player.command("language", "", RU.head("language.choose"));
        player.press(ES.text("language.name"), ES.head("language.changed"));
        assertThat(bot.stored(31_002).language()).isEqualTo(new Language("es", true));
        Shown next =
                olga.after(
                        () ->
                                bot.discord()
                                        .click(
                                                31_002,
                                                0,
                                                russian.id(),
                                                russian.button(RU.text("button.check_no"))
                                                        .orElseThrow()
                                                        .customId()),
                        "(2/");
        assertThat(next.content()).contains(ES.catalog.checkGroups().get(1).lines().get(0));
        ES.check(next);
    }

    @Test
    void aCityInCyrillicInTheZoneOptionGetsARussianAnswer() {
        bot.discord().locale(31_003, "ru");
        DiscordUser olga = new DiscordUser(bot.discord(), 31_003, 0);
        Conversation.onboard(RU, olga.player(RU, clock));
        clock.advance(Chat.HUMAN_PACE);
        Shown answer =
                olga.after(
                        () ->
                                bot.discord()
                                        .slash(
                                                31_003,
                                                0,
                                                "nudge",
                                                Map.of("time", "20:30", "zone", "Москва")),
                        "«Москва»");
        assertThat(answer.content()).contains(RU.head("nudge.bad_zone")).doesNotContain("{");
        assertThat(bot.discord().screen(31_003)).allSatisfy(RU::check);
    }
}
