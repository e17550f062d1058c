package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Route;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evening reminders, played turn by turn. The test clock starts on Monday 2 March 2026, 18:00 UTC.
 */
class NudgeTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Chat withReminder() {
        Chat chat = new Chat().selfCare(true);
        chat.send("/nudge 20:00 Europe/Berlin");
        assertThat(chat.session().nudge()).isNotNull();
        return chat;
    }

    @Test
    void settingUpWithButtonsAndACityName() {
        Chat chat = new Chat().selfCare(true).send("/nudge");
        assertThat(chat.text()).contains("What time suits you?");
        chat.press("20:00");
        assertThat(chat.text()).contains("in which time zone?");
        chat.send("berlin");
        assertThat(chat.text()).contains("On which days?").contains("Chosen: Every day");
        chat.press("✅ Sat").press("✅ Sun");
        assertThat(chat.text()).contains("Chosen: Weekdays");
        assertThat(chat.replies().get(0).replacePrevious())
                .as("toggling edits the message")
                .isTrue();
        chat.press("Done");
        assertThat(chat.text())
                .contains("I'll remind you at 20:00 (Europe/Berlin), Weekdays")
                .contains("Mon 2 Mar 20:00");
        assertThat(chat.session().nudge())
                .isEqualTo(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.WEEKDAYS));
        assertThat(chat.effects(Effect.ScheduleNudge.class))
                .last()
                .satisfies(e -> assertThat(e.at()).isEqualTo("2026-03-02T19:00:00Z"));
    }

    @Test
    void typedTimeAndTheZoneFoundFromTheUsersClock() {
        Chat chat = new Chat().selfCare(true).send("/nudge").send("8:30 pm");
        assertThat(chat.text()).contains("Reminder at 20:30");
        chat.send("19:07"); // it is 18:0x UTC: one hour ahead, so central Europe in winter
        assertThat(chat.labels()).contains("Europe/Berlin", "Europe/Paris");
        chat.press("Europe/Berlin").press("Done");
        assertThat(chat.session().nudge().zone()).isEqualTo(BERLIN);
        assertThat(chat.session().nudge().time()).isEqualTo(LocalTime.of(20, 30));
    }

    @Test
    void onlyRealTimeZonesAreAccepted() {
        Chat chat = new Chat().selfCare(true).send("/nudge").press("21:00");
        chat.send("Mars/Olympus_Mons");
        assertThat(chat.text()).contains("I don't know a time zone called \"Mars/Olympus_Mons\"");
        chat.send("+03:00");
        assertThat(chat.text()).contains("I don't know a time zone");
        chat.send("US/Eastern");
        assertThat(chat.text())
                .as("legacy aliases are not offered")
                .contains("I don't know a time zone");
        chat.send("25:99");
        assertThat(chat.text()).as("not a clock time either").contains("I don't know a time zone");
        assertThat(chat.session().nudge()).isNull();
        chat.send("new york").press("Done");
        assertThat(chat.session().nudge().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void aBadTimeIsExplainedAndAskedAgain() {
        Chat chat = new Chat().selfCare(true).send("/nudge").send("tonight-ish");
        assertThat(chat.text())
                .contains("couldn't read \"tonight-ish\" as a time")
                .contains("What time suits you?");
        chat.send("/nudge 31:00");
        assertThat(chat.text()).contains("couldn't read \"31:00\"");
    }

    @Test
    void oneCommandWithTimeAndZoneSavesAtOnce() {
        Chat chat = new Chat().selfCare(true).send("/nudge 21:30 America/New_York");
        assertThat(chat.text()).contains("I'll remind you at 21:30 (America/New_York), Every day");
        assertThat(chat.effects(Effect.ScheduleNudge.class))
                .last()
                .satisfies(e -> assertThat(e.at()).isEqualTo("2026-03-03T02:30:00Z"));
    }

    @Test
    void remindersAreOnlyForTheSelfCareRoutes() {
        Chat chat = new Chat().onboarded().send("/nudge");
        assertThat(chat.text()).contains(chat.catalogText("nudge.not_for_route"));
        assertThat(chat.session().nudge()).isNull();
    }

    @Test
    void theReminderOffersStartSnoozeSkipPauseAndStop() {
        Chat chat = withReminder().at(Instant.parse("2026-03-02T19:00:00Z")).nudge();
        assertThat(Chat.CATALOG.nudges()).contains(chat.text());
        assertThat(chat.labels())
                .containsExactly(
                        "Start the routine",
                        "In 1 hour",
                        "Skip tonight",
                        "Pause 7 days",
                        "Stop reminders");
        chat.press("In 1 hour");
        assertThat(chat.text()).isEqualTo("Okay, I'll ask again at 21:00.");
        assertThat(chat.effects(Effect.SnoozeNudge.class))
                .singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo("2026-03-02T20:00:01Z"));
        chat.at(Instant.parse("2026-03-02T20:00:01Z")).snoozedNudge();
        assertThat(chat.labels())
                .as("a snoozed reminder is not snoozed again")
                .containsExactly(
                        "Start the routine", "Skip tonight", "Pause 7 days", "Stop reminders");
        chat.press("Start the routine");
        assertThat(chat.session().dialogue())
                .isInstanceOf(dev.backcoach.core.model.Dialogue.Guiding.class);
    }

    @Test
    void skipTonightAndAnOldReminderButton() {
        Chat chat = withReminder().at(Instant.parse("2026-03-02T19:00:00Z")).nudge();
        var skip = chat.button("Skip tonight");
        chat.press("Skip tonight");
        assertThat(chat.text()).contains("enjoy your evening");
        chat.at(Instant.parse("2026-03-03T19:30:00Z")).pressData(skip.data());
        assertThat(chat.text()).contains("from an earlier evening");
    }

    @Test
    void stopIsHonouredAtOnce() {
        Chat chat =
                withReminder()
                        .at(Instant.parse("2026-03-02T19:00:00Z"))
                        .nudge()
                        .press("Stop reminders");
        assertThat(chat.text()).contains("Reminders are off");
        assertThat(chat.session().nudge()).isNull();
        assertThat(chat.effects(Effect.ScheduleNudge.class))
                .last()
                .satisfies(e -> assertThat(e.at()).isNull());
        chat.later(Duration.ofDays(1)).nudge();
        assertThat(chat.replies())
                .as("a reminder already under way finds nothing to send")
                .isEmpty();
    }

    @Test
    void pauseSevenDaysThenResume() {
        Chat chat =
                withReminder()
                        .at(Instant.parse("2026-03-02T19:00:00Z"))
                        .nudge()
                        .press("Pause 7 days");
        assertThat(chat.text()).contains("paused").contains("Mon 9 Mar");
        assertThat(chat.effects(Effect.ScheduleNudge.class))
                .last()
                .satisfies(e -> assertThat(e.at()).isEqualTo("2026-03-09T19:00:00Z"));
        chat.at(Instant.parse("2026-03-04T19:00:00Z")).nudge();
        assertThat(chat.replies()).as("paused").isEmpty();
        chat.send("/nudge");
        assertThat(chat.text()).contains("Paused until Mon 9 Mar");
        chat.press("Resume");
        assertThat(chat.text()).contains("back on");
        assertThat(chat.session().nudge().pausedUntil()).isNull();
    }

    @Test
    void afterThreeIgnoredRemindersTheBotAsksWhetherToRemindLess() {
        Chat chat = withReminder();
        Instant evening = Instant.parse("2026-03-02T19:00:00Z");
        for (int day = 0; day < 3; day++) {
            chat.at(evening.plus(Duration.ofDays(day))).nudge();
            assertThat(Chat.CATALOG.nudges()).contains(chat.text());
        }
        chat.at(evening.plus(Duration.ofDays(3))).nudge();
        assertThat(chat.text())
                .contains("Would fewer suit you better?")
                .contains("Mon, Wed, Fri, Sun");
        chat.press("Yes, fewer");
        assertThat(chat.session().nudge().days()).isEqualTo(0b1010101);
        assertThat(chat.session().nudge().ignored()).isZero();
        chat.at(evening.plus(Duration.ofDays(4))).nudge(); // Friday
        assertThat(Chat.CATALOG.nudges()).as("back to the usual reminder").contains(chat.text());
    }

    @Test
    void anyMessageCountsAsAReaction() {
        Chat chat = withReminder();
        Instant evening = Instant.parse("2026-03-02T19:00:00Z");
        for (int day = 0; day < 3; day++) {
            chat.at(evening.plus(Duration.ofDays(day))).nudge();
        }
        chat.send("/progress");
        chat.at(evening.plus(Duration.ofDays(3))).nudge();
        assertThat(Chat.CATALOG.nudges()).contains(chat.text());
    }

    @Test
    void noReminderWhenTheRouteChangedOrTheUserIsUnreachable() {
        Chat chat = withReminder();
        chat.service.markUnreachable(chat.user());
        chat.at(Instant.parse("2026-03-02T19:00:00Z")).nudge();
        assertThat(chat.replies()).isEmpty();
        chat.send("/settings")
                .press("My symptoms changed")
                .press("No")
                .press("Yes"); // a see-clinician answer
        assertThat(chat.session().route()).isNotEqualTo(Route.SELF_CARE);
        chat.later(Duration.ofDays(1)).nudge();
        assertThat(chat.replies()).isEmpty();
    }

    @Test
    void theMenuChangesOnePartAndKeepsTheRest() {
        Chat chat = withReminder().send("/nudge");
        assertThat(chat.text())
                .contains("Your evening reminder: 20:00 (Europe/Berlin), Every day.");
        chat.press("Change time").press("22:00");
        assertThat(chat.text()).contains("I'll remind you at 22:00 (Europe/Berlin), Every day");
        chat.send("/nudge").press("Change time zone").send("Asia/Kolkata");
        assertThat(chat.session().nudge().zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        chat.send("/nudge").press("Change days").press("Weekends").press("Done");
        assertThat(chat.session().nudge())
                .isEqualTo(
                        NudgePlan.of(
                                LocalTime.of(22, 0),
                                ZoneId.of("Asia/Kolkata"),
                                NudgePlan.WEEKENDS));
    }

    @Test
    void noDaysIsNotAPlan() {
        Chat chat = new Chat().selfCare(true).send("/nudge").press("20:00").send("Europe/Berlin");
        for (String day : List.of("Mon", "Tue", "Wed", "Thu", "Fri")) {
            chat.press("✅ " + day);
        }
        chat.press("✅ Sat").press("✅ Sun").press("Done");
        assertThat(chat.text()).contains("at least one day");
        assertThat(chat.session().nudge()).isNull();
    }

    @Test
    void theStartLinkForEveningsOpensTheSetup() {
        Chat chat = new Chat().selfCare(true).send("/start evening");
        assertThat(chat.text()).contains("What time suits you?");
        assertThat(LocalDate.of(2026, 3, 2).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    }
}
