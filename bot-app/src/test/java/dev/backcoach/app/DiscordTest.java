package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.content.Tier;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.discord.fake.Shown;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real application on the real JDA client, against the strict fake Discord. */
class DiscordTest {
    static final Catalog CATALOG = DiscordHarness.CATALOG;
    static final long SERVER = DiscordHarness.SERVER;

    @RegisterExtension final DiscordHarness bot = new DiscordHarness();

    @Test
    void slashCommandsAreRegisteredForServersDmsAndUserInstallsOnlyWhenTheyChange()
            throws Exception {
        assertThat(bot.discord().commands())
                .containsOnlyKeys(
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
                        "settings",
                        "language");
        bot.discord()
                .commands()
                .values()
                .forEach(
                        command -> {
                            assertThat(command.path("description").asText()).isNotBlank();
                            assertThat(command.path("contexts").toString()).contains("0", "1", "2");
                            assertThat(command.path("integration_types").toString())
                                    .contains("0", "1");
                        });
        assertThat(
                        bot.discord()
                                .commands()
                                .get("techniques")
                                .path("options")
                                .get(0)
                                .path("autocomplete")
                                .asBoolean())
                .isTrue();
        assertThat(bot.discord().commands().get("routine").path("options").get(0).path("choices"))
                .hasSize(2);
        assertThat(bot.discord().commands().get("nudge").path("options")).hasSize(2);
        assertThat(bot.discord().commands().get("progress").path("options"))
                .extracting(o -> o.path("name").asText() + ":" + o.path("type").asInt())
                .containsExactly("score:4", "week:5");
        var score = bot.discord().commands().get("progress").path("options").get(0);
        assertThat(score.path("min_value").asInt()).isZero();
        assertThat(score.path("max_value").asInt()).isEqualTo(10);
        assertThat(bot.app().discord().commandsRegistered()).isTrue();

        bot.restart(bot.env());
        assertThat(bot.app().discord().commandsRegistered())
                .as("an unchanged list is left alone")
                .isFalse();
        assertThat(bot.discord().calls("PUT", "/applications/\\d+/commands")).isEqualTo(1);
    }

    @Test
    void theCheckReachesEveryTierInAServerAndInADm() {
        long userId = 10_000;
        for (long guild : new long[] {SERVER, 0}) {
            for (Tier tier : Tier.values()) {
                DiscordUser user =
                        DiscordHarness.onboarded(new DiscordUser(bot.discord(), ++userId, guild));
                String sign =
                        CATALOG.screening().stream()
                                .filter(q -> q.tier() == tier)
                                .findFirst()
                                .orElseThrow()
                                .id();
                String outcome =
                        switch (tier) {
                            case EMERGENCY -> "outcome.emergency";
                            case SEE_CLINICIAN -> "outcome.see_clinician";
                            case CLEAR_FIRST -> "outcome.clear_first";
                        };
                Scripts.report(CATALOG, sign, CATALOG.text(outcome).substring(0, 30), user::press);
                assertThat(bot.stored(userId).routeReason())
                        .as("Discord: the sign is not stored")
                        .isNull();
                assertThat(bot.stored(userId).route().name()).isEqualTo(tier.name());
                assertThat(bot.discord().screen(userId))
                        .as("replies are private in a server, plain in the DM")
                        .allMatch(m -> m.ephemeral() == (guild != 0));
            }
            DiscordUser fine =
                    DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), ++userId, guild));
            assertThat(bot.stored(fine.id).route()).isEqualTo(Route.SELF_CARE);
            assertThat(bot.discord().screen(fine.id)).allMatch(m -> m.ephemeral() == (guild != 0));
        }
        assertThat(bot.discord().answers())
                .filteredOn(a -> a.type() == 4)
                .as("every command in a server answered ephemerally")
                .isNotEmpty();
    }

    @Test
    void screeningAnswersStayInMemoryOnlyTheRouteIsStored() {
        DiscordUser anna = DiscordHarness.onboarded(new DiscordUser(bot.discord(), 20_001, SERVER));
        anna.press("No", CATALOG.checkGroups().get(1).lines().get(0));
        anna.press(
                "Yes",
                CATALOG.flag(CATALOG.checkGroups().get(1).items().get(0)).orElseThrow().text());
        assertThat(bot.stored(20_001).dialogue())
                .as("the store keeps no answers, not even how many were No")
                .isEqualTo(new Dialogue.CheckRestarted());
        assertThat(bot.stored(20_001).route()).isEqualTo(Route.UNSCREENED);
        anna.press("Yes", CATALOG.text("outcome.emergency").substring(0, 30));
        assertThat(bot.stored(20_001).route()).isEqualTo(Route.EMERGENCY);
        assertThat(bot.stored(20_001).routeReason())
                .as("only the route is kept on Discord")
                .isNull();
    }

    @Test
    void aTechniqueToItsEndEditsOneMessageInPlace() {
        DiscordUser anna =
                DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), 30_001, SERVER));
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        Shown intro = anna.press(roller.title(), roller.cautions().get(0));
        for (int step = 0; step < roller.steps().size(); step++) {
            Shown shown = anna.press("Next", roller.steps().get(step).text());
            assertThat(shown.id()).as("steps edit one message in place").isEqualTo(intro.id());
        }
        Shown done =
                anna.press(
                        "Next",
                        CATALOG.text("guide.done_technique").replace("{title}", roller.title()));
        assertThat(done.ephemeral()).isTrue();
        assertThat(bot.discord().answers())
                .filteredOn(a -> a.type() == 7)
                .hasSizeGreaterThan(roller.steps().size());
    }

    @Test
    void anAlreadyChosenOptionGetsAPrivateNoteAndThePickerIsNotEdited() {
        DiscordUser anna = DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), 36_001, 0));
        anna.send(
                "nudge",
                Map.of("time", "20:00", "zone", "Europe/Berlin"),
                "I'll remind you at 20:00");
        anna.send("nudge", "Your evening reminder");
        Shown picker = anna.press("Change days", "On which days?");
        bot.discord()
                .click(
                        anna.id,
                        0,
                        picker.id(),
                        picker.button("Every day").orElseThrow().customId());
        Shown note =
                anna.awaitLast(
                        m ->
                                m.content()
                                        .equals(
                                                "Every day is already chosen. Choose Done when you're ready."));
        assertThat(note.id()).isNotEqualTo(picker.id());
        Shown pickerNow =
                bot.discord().screen(anna.id).stream()
                        .filter(m -> m.id() == picker.id())
                        .findFirst()
                        .orElseThrow();
        assertThat(pickerNow.edits())
                .as("the day picker stays as it was")
                .isEqualTo(picker.edits());
    }

    @Test
    void anExportArrivesAsAPrivateFileInAServer() {
        DiscordUser anna =
                DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), 35_001, SERVER));
        anna.send("export", "");
        await().atMost(DiscordUser.WAIT)
                .until(
                        () ->
                                bot.discord().screen(35_001).stream()
                                        .anyMatch(m -> !m.files().isEmpty()));
        Shown file =
                bot.discord().screen(35_001).stream()
                        .filter(m -> !m.files().isEmpty())
                        .findFirst()
                        .orElseThrow();
        assertThat(file.ephemeral()).isTrue();
        assertThat(file.files()).singleElement().asString().endsWith(".json");
        assertThat(bot.discord().screen(35_001))
                .anyMatch(m -> m.content().startsWith("Here is what I keep about you:"));
    }

    @Test
    void techniqueNamesAndTimeZonesAreSuggestedWhileTyping() {
        DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), 40_001, 0));
        assertThat(bot.discord().autocomplete(40_001, "techniques", "name", "roll"))
                .contains(CATALOG.technique("foam_roller").orElseThrow().title());
        assertThat(bot.discord().autocomplete(40_001, "nudge", "zone", "lisb"))
                .containsExactly("Europe/Lisbon");
        assertThat(bot.discord().autocomplete(40_001, "nudge", "zone", "eastern"))
                .as("legacy names are not offered")
                .doesNotContain("US/Eastern", "EST5EDT");
        DiscordUser anna = new DiscordUser(bot.discord(), 40_001, 0);
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        anna.send("techniques", Map.of("name", roller.title()), roller.cautions().get(0));
    }

    @Test
    void othersClicksAndOutdatedButtonsGetAKindNoteAndChangeNothing() {
        DiscordUser anna = new DiscordUser(bot.discord(), 50_001, SERVER);
        Shown ask = anna.send("start", CATALOG.text("start.ask_adult"));
        bot.discord().click(50_002, SERVER, ask.id(), ask.button("Yes").orElseThrow().customId());
        await().atMost(DiscordUser.WAIT).until(() -> bot.discord().last(50_002) != null);
        Shown note = bot.discord().last(50_002);
        assertThat(note.content()).isEqualTo(CATALOG.text("discord.not_yours"));
        assertThat(note.ephemeral()).isTrue();
        assertThat(bot.discord().last(50_001).content())
                .as("anna's message as it was")
                .isEqualTo(ask.content());

        anna.press("Yes", CATALOG.text("start.ask_consent"));
        Shown old = ask; // the message as it looked with the first question
        bot.discord().click(50_001, SERVER, old.id(), old.button("No").orElseThrow().customId());
        Shown stale =
                anna.awaitLast(m -> m.content().startsWith(CATALOG.text("input.stale_button")));
        assertThat(stale.id()).as("a new note, not an edit").isNotEqualTo(old.id());
        assertThat(stale.ephemeral()).isTrue();
        assertThat(bot.stored(50_001).adult()).isTrue();
    }

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

    @Test
    void whatIsTypedIntoACommandOptionIsReadForWarningSigns() {
        DiscordUser anna =
                DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), 40_001, SERVER));
        Shown emergency =
                anna.send(
                        "techniques",
                        Map.of("name", "both my legs have gone numb"),
                        CATALOG.text("outcome.emergency").substring(0, 30));
        assertThat(emergency.ephemeral()).isTrue();
        assertThat(bot.stored(40_001).route()).isEqualTo(Route.EMERGENCY);
    }
}
