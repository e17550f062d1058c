package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.progress.ProgressHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * /progress played turn by turn: typed ratings, the summary in words, the chart's data and the
 * weekly summary. The clock starts on Monday 2 March 2026, 18:00 UTC.
 */
class ProgressReportTest {

    private static ProgressHistory chartOf(Chat chat) {
        return chat.replies().stream()
                .map(Reply::chart)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chart in\n" + chat.text()));
    }

    private static boolean hasChart(Chat chat) {
        return chat.replies().stream().anyMatch(r -> r.chart() != null);
    }

    @Test
    void typedRatingsAreLoggedAndASecondReplacesTheFirstWithNotice() {
        Chat chat = new Chat().selfCare(false).progress();
        chat.press(chat.catalogText("button.menu"));
        chat.send("/progress 6");
        assertThat(chat.text()).contains("Saved: 6/10 for today.");
        chat.send("/progress 4/10");
        assertThat(chat.text()).contains("I've replaced today's 6 with 4");
        assertThat(chat.effects(Effect.RecordRating.class))
                .extracting(Effect.RecordRating::score)
                .containsExactly(6, 4);
        assertThat(chat.store.ratingHistory(chat.user()))
                .containsOnlyKeys(LocalDate.of(2026, 3, 2));
    }

    @Test
    void junkAfterProgressGetsAKindAnswerAndTheUsualProgress() {
        Chat chat = new Chat().selfCare(false).progress();
        chat.press(chat.catalogText("button.menu"));
        for (String junk : new String[] {"eleven", "11", "-3", "4.5", "99/10", "🙂"}) {
            chat.send("/progress " + junk);
            assertThat(chat.text()).as(junk).contains(chat.catalogText("progress.bad_score"));
            assertThat(chat.labels()).as(junk).contains("0", "10");
        }
        assertThat(chat.effects(Effect.RecordRating.class)).isEmpty();
    }

    @Test
    void aTypedRatingBeforeTheZoneIsKnownAsksTheZoneFirst() {
        Chat chat = new Chat().selfCare(false).send("/progress 5");
        assertThat(chat.text()).contains("I'll note your 5 as soon as I know your day");
        chat.press(chat.catalogText("button.use_utc"));
        assertThat(chat.labels()).contains("5");
        chat.press("5");
        assertThat(chat.text()).contains("Saved: 5/10 for today.");
    }

    @Test
    void fewerThanTwoRatingsSayToLogAFewDaysFirstWithoutAChart() {
        Chat chat = new Chat().selfCare(false).progress();
        assertThat(chat.text()).contains("Your chart needs ratings on at least two days.");
        assertThat(hasChart(chat)).isFalse();
        chat.press("6");
        assertThat(chat.text()).contains("So far: 6 on Mon 2 Mar.");
        assertThat(hasChart(chat)).isFalse();
    }

    @Test
    void theChartHasTheLastFourWeeksInTheUsersDaysWithSessionsAndReminders() {
        Chat chat = new Chat().selfCare(false).send("/nudge 21:00 America/New_York");
        chat.send("/progress 7");
        HabitsTest.practise(chat).press(chat.catalogText("button.menu"));
        chat.later(Duration.ofDays(12)).send("/progress 3");
        assertThat(chat.text())
                .contains("Stiffness went from 7 to 3 over 12 days (Mon 2 Mar to Sat 14 Mar)")
                .contains("1 session in the last 4 weeks");
        ProgressHistory chart = chartOf(chat);
        assertThat(chart.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(chart.today()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(chart.ratings())
                .containsExactly(
                        java.util.Map.entry(LocalDate.of(2026, 3, 2), 7),
                        java.util.Map.entry(LocalDate.of(2026, 3, 14), 3));
        assertThat(chart.sessions()).containsOnlyKeys(LocalDate.of(2026, 3, 2));
        assertThat(chart.labels().title()).isEqualTo(chat.catalogText("chart.title"));
    }

    @Test
    void aThousandDaysOfRatingsStillGiveOneShortSummaryOfFourWeeks() {
        Chat chat = new Chat().selfCare(false).progress();
        java.util.SortedMap<LocalDate, Integer> ratings = new java.util.TreeMap<>();
        java.util.SortedMap<LocalDate, Integer> sessions = new java.util.TreeMap<>();
        LocalDate today = LocalDate.of(2026, 3, 2);
        for (int day = 0; day < 1_000; day++) {
            ratings.put(today.minusDays(day), day % 11);
            sessions.put(today.minusDays(day), 1 + day % 3);
        }
        Reply reply =
                new Engine(Chat.CATALOG)
                        .progress(
                                chat.session(),
                                new dev.backcoach.core.progress.ProgressLog(
                                        ratings, sessions, new java.util.TreeSet<>()),
                                chat.clock.instant(),
                                false,
                                "");
        assertThat(reply.text())
                .contains("Stiffness went from 5 to 0 over 27 days (Tue 3 Feb to Mon 2 Mar)")
                .contains("55 sessions in the last 4 weeks")
                .hasSizeLessThan(1_024);
        assertThat(Objects.requireNonNull(reply.chart()).ratings()).hasSize(28);
    }

    @Test
    void ratingsOnEveryDayOfADaylightSavingChangeAndAZoneChangeAreSensible() {
        // Berlin moves its clocks on Sunday 29 March 2026; a rating each evening around it.
        Chat chat = new Chat().selfCare(false).send("/nudge 20:00 Europe/Berlin");
        chat.at(Instant.parse("2026-03-26T19:30:00Z"));
        for (int i = 0; i < 4; i++) {
            chat.send("/progress " + (6 - i)).later(Duration.ofDays(1));
        }
        chat.send("/nudge 20:00 Pacific/Auckland"); // moved far east between ratings
        chat.send("/progress 1");
        assertThat(chat.text()).contains("Stiffness went from 6 to 1");
        assertThat(chartOf(chat).ratings().keySet())
                .containsExactly(
                        LocalDate.of(2026, 3, 26),
                        LocalDate.of(2026, 3, 27),
                        LocalDate.of(2026, 3, 28),
                        LocalDate.of(2026, 3, 29),
                        LocalDate.of(2026, 3, 31));
    }

    @Test
    void theWeeklySummaryComesOnRequestInWords() {
        Chat chat = new Chat().selfCare(false).progress().press("6");
        chat.later(Duration.ofDays(7)).send("/progress 4");
        HabitsTest.practise(chat).press(chat.catalogText("button.menu"));
        chat.later(Duration.ofDays(1)).send("/progress 2");
        HabitsTest.practise(chat).press(chat.catalogText("button.menu"));
        chat.send("/progress week");
        assertThat(chat.text())
                .contains("Your week, Wed 4 Mar to Tue 10 Mar")
                .contains("• Sessions: 2 sessions")
                .contains("• Average stiffness: 3.0 this week, 6.0 the week before")
                .contains("• 2 days in a row with a session")
                .contains(chat.catalogText("progress.cheer_some"));
        assertThat(hasChart(chat)).isFalse();
    }

    @Test
    void aWeekWithoutSessionsIsAFreshStartNeverAReproach() {
        Chat chat = new Chat().selfCare(false).progress();
        chat.press(chat.catalogText("button.menu")).send("/progress week");
        assertThat(chat.text())
                .contains("• Sessions: 0 sessions")
                .contains("• No stiffness ratings this week")
                .contains(chat.catalogText("progress.cheer_fresh"))
                .doesNotContain("missed");
    }
}
