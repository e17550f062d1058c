package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Route;
import dev.backcoach.telegram.fake.SentMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real application, on the real telegrambots client, long polling a strict fake Telegram. */
class TelegramPollingTest {
    static final Catalog CATALOG = TelegramHarness.CATALOG;

    @RegisterExtension final TelegramHarness bot = new TelegramHarness();

    @Test
    void aWholeConversationFromStartToTheLastStepOfATechnique() {
        // The menu is published beside serving updates, right after start.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(bot.telegram().commands())
                                        .containsKeys(
                                                "start",
                                                "help",
                                                "check",
                                                "techniques",
                                                "routine",
                                                "nudge",
                                                "progress",
                                                "privacy",
                                                "export",
                                                "forget",
                                                "settings"));
        TelegramUser anna = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 1001));
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        SentMessage intro = anna.press(roller.title(), roller.cautions().get(0));
        for (int step = 0; step < roller.steps().size(); step++) {
            SentMessage shown = anna.press("Next", roller.steps().get(step).text());
            assertThat(shown.messageId())
                    .as("steps edit one message in place")
                    .isEqualTo(intro.messageId());
            assertThat(shown.parseMode()).isEqualTo("HTML");
        }
        SentMessage done =
                anna.press(
                        "Next",
                        CATALOG.text("guide.done_technique").replace("{title}", roller.title()));
        assertThat(done.plainText()).contains(CATALOG.text("progress.ask"));
        anna.press("4", CATALOG.text("progress.saved").replace("{score}", "4"));
        assertThat(bot.stored(1001).route()).isEqualTo(Route.SELF_CARE);
    }

    @Test
    void theEveningRoutineStartsFromThePlanReadyMenuAndRunsEachPartsOwnSteps() {
        TelegramUser ben = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 1002));
        var evening = CATALOG.routine("evening").orElseThrow();
        SentMessage intro =
                ben.press(CATALOG.text("button.evening"), CATALOG.text("safety.emergency_signs"));
        assertThat(intro.plainText()).contains(evening.intro());
        for (var part : evening.steps()) {
            Technique t = CATALOG.technique(part.options().get(0)).orElseThrow();
            ben.press("Next", t.cautions().get(0).substring(0, 30));
            for (int step = 1; step < t.steps().size(); step++) {
                ben.press("Next", t.steps().get(step).text().substring(0, 30));
            }
        }
        ben.press("Next", CATALOG.text("guide.done_routine").replace("{title}", evening.title()));
    }

    @Test
    void startSettingsTechniqueNamesAndUnderEighteenAsTheyShouldBe() {
        TelegramUser young = new TelegramUser(bot.telegram(), 5001);
        young.send("/start", CATALOG.text("start.ask_adult"));
        SentMessage minor = young.press("No", CATALOG.text("start.minor"));
        assertThat(minor.hasKeyboard()).as("no Let's start for someone under 18").isFalse();

        TelegramUser known = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 5002));
        SentMessage welcome = known.send("/start", CATALOG.text("start.welcome_back"));
        assertThat(welcome.buttonLabels())
                .containsExactly(
                        CATALOG.text("button.carry_on"), CATALOG.text("button.start_over"));
        known.send(
                "/techniques twist",
                CATALOG.technique("spinal_twist").orElseThrow().cautions().get(1));

        TelegramUser urgent = new TelegramUser(bot.telegram(), 5003);
        urgent.send("/start", CATALOG.text("start.ask_adult"));
        urgent.press("Yes", CATALOG.text("start.ask_consent"));
        urgent.press("Yes", Scripts.firstGroup(CATALOG));
        urgent.press("Yes", CATALOG.screening().get(0).text());
        urgent.press("Yes", CATALOG.text("outcome.emergency").substring(0, 20));
        SentMessage settings = urgent.send("/settings", CATALOG.text("route.emergency"));
        assertThat(settings.buttonLabels())
                .containsExactly(
                        CATALOG.text("button.symptoms_changed"),
                        CATALOG.text("button.menu"),
                        CATALOG.text("button.language"));
    }

    @Test
    void redFlagsRouteToUrgentCareOrAClinician() {
        TelegramUser urgent = new TelegramUser(bot.telegram(), 2001);
        urgent.send("/start", CATALOG.text("start.ask_adult"));
        urgent.press("Yes", CATALOG.text("start.ask_consent"));
        urgent.press("Yes", Scripts.firstGroup(CATALOG));
        urgent.press("Yes", CATALOG.screening().get(0).text());
        SentMessage emergency =
                urgent.press("Yes", CATALOG.text("outcome.emergency").substring(0, 20));
        assertThat(emergency.hasKeyboard()).as("emergency offers nothing else").isFalse();
        urgent.send("/techniques", CATALOG.text("outcome.emergency_locked").substring(0, 30));

        TelegramUser clinician = new TelegramUser(bot.telegram(), 2002);
        clinician.send("/start", CATALOG.text("start.ask_adult"));
        clinician.press("Yes", CATALOG.text("start.ask_consent"));
        clinician.press("Yes", Scripts.firstGroup(CATALOG));
        String seeClinician = CATALOG.text("outcome.see_clinician").substring(0, 30);
        Scripts.report(CATALOG, "night_pain", seeClinician, clinician::press);
        assertThat(bot.stored(2002).route()).isEqualTo(Route.SEE_CLINICIAN);
        assertThat(bot.stored(2002).routeReason())
                .as("kept outside Discord, to name the reason")
                .isEqualTo("night_pain");
        String because =
                CATALOG.text("route.because").replace("{about}", "pain that's much worse at night");
        clinician.send("/techniques", because);
    }

    @Test
    void aStormOf429sDelaysRepliesButLosesAndReordersNothing() {
        TelegramUser anna = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 3001));
        bot.telegram().failNext("sendMessage", 3, 429, "Too Many Requests: retry after 1", 1);
        anna.send("/progress", CATALOG.text("progress.ask_zone"));
        anna.send("Berlin", CATALOG.text("progress.ask"));
        anna.press("6", CATALOG.text("progress.ask").substring(0, 0) + "6/10");
        bot.telegram().failNext("sendMessage", 2, 429, "Too Many Requests: retry after 1", 1);
        bot.telegram().privateText(3001, "/export");
        // Summary, file, then the menu again: wait for the message that follows the file.
        await().atMost(TelegramUser.WAIT)
                .until(
                        () -> {
                            List<SentMessage> shown = bot.telegram().chat(3001);
                            return shown.size() >= 2
                                    && "document".equals(shown.get(shown.size() - 2).kind());
                        });
        List<SentMessage> chat = bot.telegram().chat(3001);
        SentMessage menu = chat.get(chat.size() - 1);
        SentMessage document = chat.get(chat.size() - 2);
        SentMessage summary = chat.get(chat.size() - 3);
        assertThat(document.kind()).isEqualTo("document");
        assertThat(summary.plainText()).startsWith("Here is what I keep about you:").contains("6");
        assertThat(summary.messageId()).isLessThan(document.messageId());
        assertThat(document.messageId()).isLessThan(menu.messageId());
        assertThat(bot.app().telegramCounters().rateLimited()).isGreaterThanOrEqualTo(2);
        assertThat(bot.app().telegramCounters().failed()).isZero();
    }

    @Test
    void aUserWhoBlockedTheBotIsMarkedUnreachableWithoutARetryStorm() {
        TelegramUser anna = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 4001));
        bot.telegram().blockChat(4001);
        int before = bot.telegram().calls("sendMessage").size();
        bot.telegram().privateText(4001, "/help");
        await().atMost(TelegramUser.WAIT).until(() -> bot.stored(4001).unreachable());
        assertThat(bot.telegram().calls("sendMessage").size() - before)
                .as("one refused call, no retries")
                .isEqualTo(1);
        assertThat(bot.app().telegramCounters().blocked()).isEqualTo(1);

        bot.telegram().unblockChat(4001);
        anna.send("/help", CATALOG.text("help").substring(0, 20));
        assertThat(bot.stored(4001).unreachable()).isFalse();
    }

    @Test
    void forgedAndStaleButtonsGetAKindAnswer() {
        TelegramUser anna = new TelegramUser(bot.telegram(), 5001);
        SentMessage ask = anna.send("/start", CATALOG.text("start.ask_adult"));
        bot.telegram().callback(5001, 5001, ask.messageId(), "9999.y");
        anna.awaitLast(m -> m.plainText().startsWith(CATALOG.text("input.stale_button")));
        bot.telegram().callback(5001, 5001, ask.messageId(), "<script>");
        await().atMost(TelegramUser.WAIT)
                .until(
                        () ->
                                bot.telegram().chat(5001).stream()
                                                .filter(
                                                        m ->
                                                                m.plainText()
                                                                        .startsWith(
                                                                                CATALOG.text(
                                                                                        "input.stale_button")))
                                                .count()
                                        == 2);
        assertThat(bot.maybeStored(5001).orElseThrow().adult()).isFalse();
    }

    @Test
    void inAGroupTheBotOffersAPrivateChatAndKeepsNothing() {
        bot.telegram().groupText(-100500, 6001, "/check");
        await().atMost(TelegramUser.WAIT).until(() -> !bot.telegram().chat(-100500).isEmpty());
        SentMessage reply = bot.telegram().lastIn(-100500);
        assertThat(reply.plainText()).isEqualTo(CATALOG.text("group.private_only"));
        assertThat(reply.button(CATALOG.text("button.private_chat")).url())
                .isEqualTo("https://t.me/backcoach_test_bot?start=check");
        assertThat(bot.maybeStored(6001)).isEmpty();
    }

    @Test
    void aFloodIsAnsweredOnce() {
        TelegramUser anna = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 7001));
        int before = bot.telegram().chat(7001).size();
        for (int i = 0; i < 20; i++) {
            bot.telegram().privateText(7001, "hello " + i);
        }
        anna.awaitLast(m -> m.plainText().equals(CATALOG.text("flood.wait")));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> bot.telegram().pendingUpdates() == 0);
        List<SentMessage> after =
                bot.telegram().chat(7001).subList(before, bot.telegram().chat(7001).size());
        assertThat(after)
                .filteredOn(m -> m.plainText().equals(CATALOG.text("flood.wait")))
                .hasSize(1);
        assertThat(after.size()).isLessThanOrEqualTo(4);
    }

    @Test
    void typedWarningSignsAreReadMidTechnique() {
        TelegramUser anna = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 4001));
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        anna.press(roller.title(), roller.cautions().get(0));
        anna.press("Next", roller.steps().get(0).text());

        anna.send("numb", "You mentioned numbness or tingling");
        anna.press("No", "You mentioned numbness, tingling or weakness");
        SentMessage back = anna.press("No", roller.steps().get(0).text());
        assertThat(back.plainText()).startsWith(CATALOG.text("redflag.carry_on"));
        assertThat(bot.stored(4001).route()).isEqualTo(Route.SELF_CARE);

        SentMessage emergency =
                anna.send(
                        "cant pee since yesterday",
                        CATALOG.text("outcome.emergency").substring(0, 20));
        assertThat(emergency.hasKeyboard()).isFalse();
        assertThat(bot.stored(4001).route()).isEqualTo(Route.EMERGENCY);
    }
}
