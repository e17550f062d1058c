package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Stiffness ratings: one per day in the user's own calendar, asked for right after practice. */
class ProgressTest {

    @Test
    void aSecondRatingTheSameDaySaysItReplacesTheFirst() {
        Chat chat = new Chat().selfCare(false).progress().press("7");
        assertThat(chat.text())
                .contains(chat.catalogText("progress.saved").replace("{score}", "7"));
        chat.progress().press("5");
        assertThat(chat.text()).contains("I've replaced today's 7 with 5");
        assertThat(chat.text()).contains("So far: 5 on Mon 2 Mar.");
    }

    @Test
    void daysFollowTheReminderTimeZoneNotUtc() {
        // 23:30 and 00:30 UTC are two UTC days but one afternoon in Auckland.
        Chat auckland =
                new Chat()
                        .selfCare(false)
                        .send("/nudge 20:00 Pacific/Auckland")
                        .at(Instant.parse("2026-03-02T23:30:00Z"))
                        .progress()
                        .press("6")
                        .at(Instant.parse("2026-03-03T00:30:00Z"))
                        .progress()
                        .press("4");
        assertThat(auckland.text()).contains("I've replaced today's 6 with 4");
        assertThat(auckland.effects(Effect.RecordRating.class))
                .extracting(Effect.RecordRating::day)
                .containsOnly(LocalDate.of(2026, 3, 3));

        Chat utc =
                new Chat()
                        .selfCare(false)
                        .at(Instant.parse("2026-03-02T23:30:00Z"))
                        .progress()
                        .press("6")
                        .at(Instant.parse("2026-03-03T00:30:00Z"))
                        .progress()
                        .press("4");
        assertThat(utc.text()).contains(utc.catalogText("progress.saved").replace("{score}", "4"));
    }

    @Test
    void finishingATechniqueAsksForARatingWithButtons() {
        Technique hands = Chat.CATALOG.technique("hand_strokes").orElseThrow();
        Chat chat = new Chat().selfCare(false).send("/techniques hand strokes");
        for (int i = 0; i <= hands.steps().size(); i++) {
            chat.press("Next");
        }
        assertThat(chat.text())
                .contains(
                        chat.catalogText("guide.done_technique").replace("{title}", hands.title()),
                        chat.catalogText("progress.ask"));
        assertThat(chat.labels()).contains("0", "5", "10", chat.catalogText("button.menu"));
        chat.press("3");
        assertThat(chat.text())
                .contains(chat.catalogText("progress.saved").replace("{score}", "3"));
        assertThat(chat.effects(Effect.RecordRating.class)).hasSize(1);
        assertThat(chat.session().dialogue()).isEqualTo(Dialogue.IDLE);
    }

    @Test
    void theRatingCanBeSkipped() {
        Chat chat = new Chat().selfCare(false).send("/routine morning");
        while (chat.session().dialogue() instanceof Dialogue.Guiding) {
            chat.press("Next");
        }
        chat.press(chat.catalogText("button.menu"));
        assertThat(chat.effects(Effect.RecordRating.class)).isEmpty();
        assertThat(chat.session().dialogue()).isEqualTo(Dialogue.IDLE);
    }
}
