package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Platform;
import dev.backcoach.discord.fake.Shown;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Getting replies through on Discord: 429s waited out, a dropped gateway resumed, timers sent by DM
 * and closed DMs noticed, and Telegram alongside in one process.
 */
class DiscordDeliveryTest {
    static final Catalog CATALOG = DiscordHarness.CATALOG;
    static final long SERVER = DiscordHarness.SERVER;

    @RegisterExtension final DiscordHarness bot = new DiscordHarness();

    @Test
    void aTooManyRequestsAnswerIsWaitedOutAndTheReplyStillArrives() {
        DiscordUser anna = new DiscordUser(bot.discord(), 60_001, 0);
        anna.send("start", CATALOG.text("start.ask_adult"));
        bot.discord().failNext("POST", "/interactions/\\d+/[^/]+/callback", 1, 429, 1);
        anna.press("Yes", CATALOG.text("start.ask_consent"));
        assertThat(bot.discord().calls("POST", "/interactions/\\d+/[^/]+/callback"))
                .as("two commands, one click answered twice after the 429")
                .isEqualTo(3);
        assertThat(bot.discord().answers()).allMatch(a -> a.took().toMillis() < 3_000);
    }

    @Test
    void aGatewayDropInTheMiddleOfAConversationIsResumed() {
        DiscordUser anna = new DiscordUser(bot.discord(), 70_001, SERVER);
        anna.send("start", CATALOG.text("start.ask_adult"));
        bot.discord().dropGateway();
        anna.press("Yes", CATALOG.text("start.ask_consent"));
        anna.press("Yes", CATALOG.text("start.ready"));
        assertThat(bot.discord().resumes()).isGreaterThanOrEqualTo(1);
        assertThat(bot.discord().identifies()).as("resumed, not a new session").isEqualTo(1);
        assertThat(bot.stored(70_001).consented()).isTrue();
    }

    @Test
    void aStepTimerArrivesByDmAndClosedDmsPauseTheUserUntilTheyWriteAgain() {
        DiscordUser anna =
                DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), 80_001, SERVER));
        Technique thumbs = CATALOG.technique("thumb_circles").orElseThrow();
        anna.press(thumbs.title(), thumbs.cautions().get(0));
        int timed = 0;
        // The short hold on a dense spot: a timer that really runs out while the test waits.
        while (thumbs.steps().get(timed).seconds() == null
                || thumbs.steps().get(timed).seconds() > 10) {
            anna.press("Next", thumbs.steps().get(timed).text().substring(0, 20));
            timed++;
        }
        anna.press("Next", thumbs.steps().get(timed).text().substring(0, 20));
        anna.press(
                CATALOG.text("button.timer").substring(0, 3),
                CATALOG.text("timer.started").substring(0, 9));
        Shown dm =
                anna.awaitLast(
                        m ->
                                m.dm()
                                        && m.content()
                                                .contains(
                                                        CATALOG.text("timer.done")
                                                                .substring(0, 10)));
        assertThat(dm.ephemeral()).isFalse();
        await().atMost(DiscordUser.WAIT).until(() -> bot.app().discord().dmsSent() >= 1);

        bot.discord().closeDms(80_001);
        anna.press(
                CATALOG.text("button.timer").substring(0, 3),
                CATALOG.text("timer.started").substring(0, 9));
        await().atMost(DiscordUser.WAIT).until(() -> bot.stored(80_001).unreachable());
        await().atMost(DiscordUser.WAIT).until(() -> bot.app().discord().dmsRefused() == 1);
        anna.send("help", CATALOG.text("unreachable.note"));
        assertThat(bot.stored(80_001).unreachable()).isFalse();
    }

    @Test
    void telegramAndDiscordRunTogetherInOneProcess() throws Exception {
        try (dev.backcoach.telegram.fake.FakeBotApi telegram =
                dev.backcoach.telegram.fake.FakeBotApi.start(TelegramHarness.TOKEN)) {
            Map<String, String> both = bot.env();
            both.put("TELEGRAM_BOT_TOKEN", TelegramHarness.TOKEN);
            both.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port());
            bot.restart(both);
            new TelegramUser(telegram, 90_001).send("/start", CATALOG.text("start.ask_adult"));
            new DiscordUser(bot.discord(), 90_001, 0)
                    .send("start", CATALOG.text("start.ask_adult"));
            assertThat(bot.stored(90_001).user().platform())
                    .as("the same id on two platforms is two users")
                    .isEqualTo(Platform.DISCORD);
            bot.app().close();
            telegram.assertNoViolations();
        }
    }
}
