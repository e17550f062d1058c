package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Technique;
import dev.backcoach.discord.fake.Shown;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the real JDA client, against the strict fake Discord: commands, buttons,
 * autocomplete and files.
 */
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
}
