package dev.backcoach.core.model;

/**
 * Where the user is in the conversation: the question the bot is waiting for. Screening answers
 * never appear here beyond the position in the check: the check stops at the first "Yes", so the
 * position alone says all earlier answers were "No". Stores keep even that only coarsely (see
 * {@link Check}).
 */
public sealed interface Dialogue {

    /** Nothing pending; the main menu. */
    record Idle() implements Dialogue {}

    record AskAdult() implements Dialogue {}

    /** /start from someone the bot knows: carry on, or start over with a fresh check? */
    record WelcomeBack() implements Dialogue {}

    record AskConsent() implements Dialogue {}

    /**
     * A step of the safety check. Stores keep every step as "in the check" only and read it back as
     * {@link CheckRestarted}; the answer buttons carry the position, so a press still answers the
     * question the user saw.
     */
    sealed interface Check extends Dialogue {}

    /**
     * "Do you have any of these right now?" for check group {@code group} (0 = first, most urgent).
     */
    record Screening(int group) implements Check {}

    /** The user said Yes to {@code group}: is it item {@code item} of that group? */
    record ScreeningItem(int group, int item) implements Check {}

    /** The check read back after a restart: it starts again at the first group, saying why. */
    record CheckRestarted() implements Check {}

    /** After a red-flag route, the check was answered No throughout: has the earlier sign gone? */
    record SignGone() implements Check {}

    /** A CLEAR FIRST user: has a clinician OK'd massage and stretching? */
    record AskClearance() implements Dialogue {}

    /**
     * Building the plan: one screen of equipment toggles; {@code bits} holds what is ticked so far.
     */
    record Planning(int bits) implements Dialogue {}

    /**
     * "Any new symptoms since last time?" before giving techniques; {@code then} is what the user
     * asked for.
     */
    record SymptomCheckIn(String then) implements Dialogue {}

    record ChoosingTechnique() implements Dialogue {}

    record ChoosingRoutine() implements Dialogue {}

    record ChoosingLesson() implements Dialogue {}

    record Guiding(Guide guide) implements Dialogue {}

    /** The user pressed "It hurts": is the feeling sharp, shooting or spreading? */
    record HurtCheck(Guide guide) implements Dialogue {}

    /** A dull ache: continue gently or stop for today. */
    record EaseOff(Guide guide) implements Dialogue {}

    record Rating() implements Dialogue {}

    record Settings() implements Dialogue {}

    /** "Delete everything?" before /forget does it. */
    record ConfirmForget() implements Dialogue {}

    /** Setting up the evening reminder: what time? */
    record NudgeTime() implements Dialogue {}

    /**
     * A bare hour outside the evening ("3"): did the user mean {@code morning} or twelve hours
     * later?
     */
    record NudgeAmOrPm(java.time.LocalTime morning) implements Dialogue {}

    /**
     * Which time zone (for a reminder at {@code time})? {@code suggestions}: zone ids offered as
     * buttons.
     */
    record NudgeZone(java.time.LocalTime time, java.util.List<String> suggestions)
            implements Dialogue {
        public NudgeZone {
            suggestions = java.util.List.copyOf(suggestions);
        }
    }

    /** Which days? {@code days} as in {@link NudgePlan#days()}, toggled until the user is done. */
    record NudgeDays(java.time.LocalTime time, java.time.ZoneId zone, int days)
            implements Dialogue {}

    /** The reminder is on: change, pause or stop it. */
    record NudgeMenu() implements Dialogue {}

    /**
     * A typed message hinted at warning signs: is it {@code asks.get(0)}? A Yes applies that sign's
     * tier; a No asks about the next one. When every answer is No, {@code otherwise} (a sign the
     * message reported plainly, less urgent than those asked about) applies, or the user is back at
     * {@code resume}, exactly where they were. Stored as {@code resume}, since answers are never
     * stored; the buttons carry the signs, so they still work after a restart.
     */
    record ConfirmFlag(
            java.util.List<String> asks,
            @org.jspecify.annotations.Nullable String otherwise,
            Dialogue resume)
            implements Dialogue {
        public ConfirmFlag {
            asks = java.util.List.copyOf(asks);
            if (asks.isEmpty()) {
                throw new IllegalArgumentException(
                        "a confirming question needs a sign to ask about");
            }
            if (resume instanceof ConfirmFlag) {
                throw new IllegalArgumentException(
                        "a confirming question resumes where the user was before it");
            }
        }
    }

    /**
     * Asked once, before the first rating of a user without a reminder: which time zone, so that a
     * rating falls on the user's own day. {@code suggestions}: zone ids offered as buttons.
     */
    record AskZone(java.util.List<String> suggestions) implements Dialogue {
        public AskZone {
            suggestions = java.util.List.copyOf(suggestions);
        }
    }

    Dialogue IDLE = new Idle();
}
