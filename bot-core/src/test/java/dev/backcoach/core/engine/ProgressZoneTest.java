package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A rating falls on the user's own day: the reminder's zone, else one asked once. */
class ProgressZoneTest {

    @Test
    void withoutAReminderTheZoneIsAskedOnceAndDaysFollowIt() {
        Chat chat = new Chat().selfCare(false).send("/progress");
        assertThat(chat.text()).contains(chat.catalogText("progress.ask_zone"));
        chat.send("Berlin");
        assertThat(chat.session().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Rating.class);

        // 23:30 in Berlin, then 00:30 the next day there: two days, though both are 2 March in UTC.
        chat.at(Instant.parse("2026-03-02T22:30:00Z")).press("6");
        chat.at(Instant.parse("2026-03-02T23:30:00Z")).send("/progress");
        assertThat(chat.text())
                .as("asked only once")
                .doesNotContain(chat.catalogText("progress.ask_zone"));
        chat.press("4");
        assertThat(chat.text()).doesNotContain("was 6");
    }

    @Test
    void severalMatchesAreOfferedAndUtcIsAnAnswerToo() {
        Chat chat = new Chat().selfCare(false).send("/progress").send("port");
        assertThat(chat.text()).contains(chat.catalogText("progress.pick_zone"));
        assertThat(chat.labels())
                .contains("America/Port_of_Spain", chat.catalogText("button.use_utc"));
        chat.press(chat.catalogText("button.use_utc"));
        assertThat(chat.session().zone()).isEqualTo(ZoneOffset.UTC);
        chat.send("/progress");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Rating.class);
    }

    @Test
    void aReminderAlreadyGivesTheZone() {
        Chat chat = new Chat().selfCare(false).send("/nudge 20:30 Europe/Berlin");
        chat.send("/progress");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Rating.class);
        assertThat(chat.session().zone()).isNull();
    }
}
