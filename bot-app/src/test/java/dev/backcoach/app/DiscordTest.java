package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.content.Tier;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real application on the real JDA client, against the strict fake Discord. */
class DiscordTest {
    static final Catalog CATALOG = CatalogLoader.load("en");
    static final long SERVER = 880_000_000_000_000_001L;

    @TempDir
    Path dir;
    FakeDiscord discord;
    Application app;

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN);
        env.put("DISCORD_API_URL", discord.apiUrl());
        env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("bot.db"));
        env.put("HTTP_PORT", "0");
        return env;
    }

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start();
        app = start(env());
    }

    Application start(Map<String, String> env) throws Exception {
        return Apps.start(env);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        try {
            discord.assertNoViolations();
        } finally {
            discord.close();
        }
    }

    static DiscordUser onboarded(DiscordUser user) {
        user.send("start", CATALOG.text("start.ask_adult"));
        user.press("Yes", CATALOG.text("start.ask_consent"));
        user.press("Yes", Scripts.firstGroup(CATALOG));
        return user;
    }

    static DiscordUser toSelfCare(DiscordUser user) {
        onboarded(user);
        Scripts.noRedFlagsAndAFullPlan(CATALOG, (label, expect) -> user.press(label, expect));
        return user;
    }

    Session stored(long userId) {
        try (Database db = Database.open(new DatabaseSettings("jdbc:sqlite:" + dir.resolve("bot.db"), null, null))) {
            return new JdbcStateStore(db).load(new UserKey(Platform.DISCORD, Long.toString(userId))).orElseThrow();
        }
    }

    @Test
    void slashCommandsAreRegisteredForServersDmsAndUserInstallsOnlyWhenTheyChange() throws Exception {
        assertThat(discord.commands()).containsOnlyKeys("start", "help", "check", "techniques", "routine", "nudge",
                "progress", "privacy", "export", "forget", "settings");
        discord.commands().values().forEach(command -> {
            assertThat(command.path("description").asText()).isNotBlank();
            assertThat(command.path("contexts").toString()).contains("0", "1", "2");
            assertThat(command.path("integration_types").toString()).contains("0", "1");
        });
        assertThat(discord.commands().get("techniques").path("options").get(0).path("autocomplete").asBoolean())
                .isTrue();
        assertThat(discord.commands().get("routine").path("options").get(0).path("choices")).hasSize(2);
        assertThat(discord.commands().get("nudge").path("options")).hasSize(2);
        assertThat(app.discord().commandsRegistered()).isTrue();

        app.close();
        app = start(env());
        assertThat(app.discord().commandsRegistered()).as("an unchanged list is left alone").isFalse();
        assertThat(discord.calls("PUT", "/applications/\\d+/commands")).isEqualTo(1);
    }

    @Test
    void theCheckReachesEveryTierInAServerAndInADm() {
        long userId = 10_000;
        for (long guild : new long[] {SERVER, 0}) {
            for (Tier tier : Tier.values()) {
                DiscordUser user = onboarded(new DiscordUser(discord, ++userId, guild));
                String sign = CATALOG.screening().stream().filter(q -> q.tier() == tier).findFirst().orElseThrow().id();
                String outcome = switch (tier) {
                    case EMERGENCY -> "outcome.emergency";
                    case SEE_CLINICIAN -> "outcome.see_clinician";
                    case CLEAR_FIRST -> "outcome.clear_first";
                };
                Scripts.report(CATALOG, sign, CATALOG.text(outcome).substring(0, 30), user::press);
                assertThat(stored(userId).routeReason()).as("Discord: the sign is not stored").isNull();
                assertThat(stored(userId).route().name()).isEqualTo(tier.name());
                assertThat(discord.screen(userId)).as("replies are private in a server, plain in the DM")
                        .allMatch(m -> m.ephemeral() == (guild != 0));
            }
            DiscordUser fine = toSelfCare(new DiscordUser(discord, ++userId, guild));
            assertThat(stored(fine.id).route()).isEqualTo(Route.SELF_CARE);
            assertThat(discord.screen(fine.id)).allMatch(m -> m.ephemeral() == (guild != 0));
        }
        assertThat(discord.answers()).filteredOn(a -> a.type() == 4)
                .as("every command in a server answered ephemerally").isNotEmpty();
    }

    @Test
    void screeningAnswersStayInMemoryOnlyTheRouteIsStored() {
        DiscordUser anna = onboarded(new DiscordUser(discord, 20_001, SERVER));
        anna.press("No", CATALOG.checkGroups().get(1).lines().get(0));
        anna.press("Yes", CATALOG.flag(CATALOG.checkGroups().get(1).items().get(0)).orElseThrow().text());
        assertThat(stored(20_001).dialogue()).as("the store keeps no answers, not even how many were No")
                .isEqualTo(new Dialogue.CheckRestarted());
        assertThat(stored(20_001).route()).isEqualTo(Route.UNSCREENED);
        anna.press("Yes", CATALOG.text("outcome.emergency").substring(0, 30));
        assertThat(stored(20_001).route()).isEqualTo(Route.EMERGENCY);
        assertThat(stored(20_001).routeReason()).as("only the route is kept on Discord").isNull();
    }

    @Test
    void aTechniqueToItsEndEditsOneMessageInPlace() {
        DiscordUser anna = toSelfCare(new DiscordUser(discord, 30_001, SERVER));
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        Shown intro = anna.press(roller.title(), roller.cautions().get(0));
        for (int step = 0; step < roller.steps().size(); step++) {
            Shown shown = anna.press("Next", roller.steps().get(step).text());
            assertThat(shown.id()).as("steps edit one message in place").isEqualTo(intro.id());
        }
        Shown done = anna.press("Next", CATALOG.text("guide.done_technique").replace("{title}", roller.title()));
        assertThat(done.ephemeral()).isTrue();
        assertThat(discord.answers()).filteredOn(a -> a.type() == 7).hasSizeGreaterThan(roller.steps().size());
    }

    @Test
    void anAlreadyChosenOptionGetsAPrivateNoteAndThePickerIsNotEdited() {
        DiscordUser anna = toSelfCare(new DiscordUser(discord, 36_001, 0));
        anna.send("nudge", Map.of("time", "20:00", "zone", "Europe/Berlin"), "I'll remind you at 20:00");
        anna.send("nudge", "Your evening reminder");
        Shown picker = anna.press("Change days", "On which days?");
        discord.click(anna.id, 0, picker.id(), picker.button("Every day").orElseThrow().customId());
        Shown note = anna.awaitLast(m -> m.content().equals("Every day is already chosen. Tap Done when you're ready."));
        assertThat(note.id()).isNotEqualTo(picker.id());
        Shown pickerNow = discord.screen(anna.id).stream().filter(m -> m.id() == picker.id()).findFirst().orElseThrow();
        assertThat(pickerNow.edits()).as("the day picker stays as it was").isEqualTo(picker.edits());
    }

    @Test
    void anExportArrivesAsAPrivateFileInAServer() {
        DiscordUser anna = toSelfCare(new DiscordUser(discord, 35_001, SERVER));
        anna.send("export", "");
        await().atMost(DiscordUser.WAIT).until(() -> discord.screen(35_001).stream().anyMatch(m -> !m.files().isEmpty()));
        Shown file = discord.screen(35_001).stream().filter(m -> !m.files().isEmpty()).findFirst().orElseThrow();
        assertThat(file.ephemeral()).isTrue();
        assertThat(file.files()).singleElement().asString().endsWith(".json");
        assertThat(discord.screen(35_001)).anyMatch(m -> m.content().startsWith("Here is what I keep about you:"));
    }

    @Test
    void techniqueNamesAndTimeZonesAreSuggestedWhileTyping() {
        toSelfCare(new DiscordUser(discord, 40_001, 0));
        assertThat(discord.autocomplete(40_001, "techniques", "name", "roll")).contains(
                CATALOG.technique("foam_roller").orElseThrow().title());
        assertThat(discord.autocomplete(40_001, "nudge", "zone", "lisb")).containsExactly("Europe/Lisbon");
        assertThat(discord.autocomplete(40_001, "nudge", "zone", "eastern")).as("legacy names are not offered")
                .doesNotContain("US/Eastern", "EST5EDT");
        DiscordUser anna = new DiscordUser(discord, 40_001, 0);
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        anna.send("techniques", Map.of("name", roller.title()), roller.cautions().get(0));
    }

    @Test
    void othersClicksAndOutdatedButtonsGetAKindNoteAndChangeNothing() {
        DiscordUser anna = new DiscordUser(discord, 50_001, SERVER);
        Shown ask = anna.send("start", CATALOG.text("start.ask_adult"));
        discord.click(50_002, SERVER, ask.id(), ask.button("Yes").orElseThrow().customId());
        await().atMost(DiscordUser.WAIT).until(() -> discord.last(50_002) != null);
        Shown note = discord.last(50_002);
        assertThat(note.content()).isEqualTo(CATALOG.text("discord.not_yours"));
        assertThat(note.ephemeral()).isTrue();
        assertThat(discord.last(50_001).content()).as("anna's message as it was").isEqualTo(ask.content());

        anna.press("Yes", CATALOG.text("start.ask_consent"));
        Shown old = ask; // the message as it looked with the first question
        discord.click(50_001, SERVER, old.id(), old.button("No").orElseThrow().customId());
        Shown stale = anna.awaitLast(m -> m.content().startsWith(CATALOG.text("input.stale_button")));
        assertThat(stale.id()).as("a new note, not an edit").isNotEqualTo(old.id());
        assertThat(stale.ephemeral()).isTrue();
        assertThat(stored(50_001).adult()).isTrue();
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedOutAndTheReplyStillArrives() {
        DiscordUser anna = new DiscordUser(discord, 60_001, 0);
        anna.send("start", CATALOG.text("start.ask_adult"));
        discord.failNext("POST", "/interactions/\\d+/[^/]+/callback", 1, 429, 1);
        anna.press("Yes", CATALOG.text("start.ask_consent"));
        assertThat(discord.calls("POST", "/interactions/\\d+/[^/]+/callback"))
                .as("two commands, one click answered twice after the 429").isEqualTo(3);
        assertThat(discord.answers()).allMatch(a -> a.took().toMillis() < 3_000);
    }

    @Test
    void aGatewayDropInTheMiddleOfAConversationIsResumed() {
        DiscordUser anna = new DiscordUser(discord, 70_001, SERVER);
        anna.send("start", CATALOG.text("start.ask_adult"));
        discord.dropGateway();
        anna.press("Yes", CATALOG.text("start.ask_consent"));
        anna.press("Yes", CATALOG.text("start.ready"));
        assertThat(discord.resumes()).isGreaterThanOrEqualTo(1);
        assertThat(discord.identifies()).as("resumed, not a new session").isEqualTo(1);
        assertThat(stored(70_001).consented()).isTrue();
    }

    @Test
    void aStepTimerArrivesByDmAndClosedDmsPauseTheUserUntilTheyWriteAgain() {
        DiscordUser anna = toSelfCare(new DiscordUser(discord, 80_001, SERVER));
        Technique thumbs = CATALOG.technique("thumb_circles").orElseThrow();
        anna.press(thumbs.title(), thumbs.cautions().get(0));
        int timed = 0;
        // The short hold on a dense spot: a timer that really runs out while the test waits.
        while (thumbs.steps().get(timed).seconds() == null || thumbs.steps().get(timed).seconds() > 10) {
            anna.press("Next", thumbs.steps().get(timed).text().substring(0, 20));
            timed++;
        }
        anna.press("Next", thumbs.steps().get(timed).text().substring(0, 20));
        anna.press(CATALOG.text("button.timer").substring(0, 3), CATALOG.text("timer.started").substring(0, 9));
        Shown dm = anna.awaitLast(m -> m.dm() && m.content().contains(CATALOG.text("timer.done").substring(0, 10)));
        assertThat(dm.ephemeral()).isFalse();
        await().atMost(DiscordUser.WAIT).until(() -> app.discord().dmsSent() >= 1);

        discord.closeDms(80_001);
        anna.press(CATALOG.text("button.timer").substring(0, 3), CATALOG.text("timer.started").substring(0, 9));
        await().atMost(DiscordUser.WAIT).until(() -> stored(80_001).unreachable());
        await().atMost(DiscordUser.WAIT).until(() -> app.discord().dmsRefused() == 1);
        anna.send("help", CATALOG.text("unreachable.note"));
        assertThat(stored(80_001).unreachable()).isFalse();
    }

    @Test
    void telegramAndDiscordRunTogetherInOneProcess() throws Exception {
        app.close();
        try (dev.backcoach.telegram.fake.FakeBotApi telegram = dev.backcoach.telegram.fake.FakeBotApi
                .start(TelegramPollingTest.TOKEN)) {
            Map<String, String> both = env();
            both.put("TELEGRAM_BOT_TOKEN", TelegramPollingTest.TOKEN);
            both.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port());
            app = start(both);
            new TelegramUser(telegram, 90_001).send("/start", CATALOG.text("start.ask_adult"));
            new DiscordUser(discord, 90_001, 0).send("start", CATALOG.text("start.ask_adult"));
            assertThat(stored(90_001).user().platform()).as("the same id on two platforms is two users")
                    .isEqualTo(Platform.DISCORD);
            app.close();
            telegram.assertNoViolations();
        }
    }

    @Test
    void whatIsTypedIntoACommandOptionIsReadForWarningSigns() {
        DiscordUser anna = toSelfCare(new DiscordUser(discord, 40_001, SERVER));
        Shown emergency = anna.send("techniques", Map.of("name", "both my legs have gone numb"),
                CATALOG.text("outcome.emergency").substring(0, 30));
        assertThat(emergency.ephemeral()).isTrue();
        assertThat(stored(40_001).route()).isEqualTo(Route.EMERGENCY);
    }
}
