package dev.backcoach.core.model;

/**
 * Where the user is in the conversation: the question the bot is waiting for. Screening answers
 * never appear here: the check stops at the first "Yes", so the index alone says all earlier
 * answers were "No".
 */
public sealed interface Dialogue {

    /** Nothing pending; the main menu. */
    record Idle() implements Dialogue {}

    record AskAdult() implements Dialogue {}

    /** /start from someone the bot knows: carry on, or start over with a fresh check? */
    record WelcomeBack() implements Dialogue {}

    record AskConsent() implements Dialogue {}

    /** Waiting for the answer to screening question {@code index}. */
    record Screening(int index) implements Dialogue {}

    /** A CLEAR FIRST user: has a clinician OK'd massage and stretching? */
    record AskClearance() implements Dialogue {}

    /** Building the plan: waiting for plan question {@code index}; {@code bits} holds the yeses so far. */
    record Planning(int index, int bits) implements Dialogue {}

    /** "Any new symptoms since last time?" before giving techniques; {@code then} is what the user asked for. */
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

    /** A bare hour outside the evening ("3"): did the user mean {@code morning} or twelve hours later? */
    record NudgeAmOrPm(java.time.LocalTime morning) implements Dialogue {}

    /** Which time zone (for a reminder at {@code time})? {@code suggestions}: zone ids offered as buttons. */
    record NudgeZone(java.time.LocalTime time, java.util.List<String> suggestions) implements Dialogue {
        public NudgeZone {
            suggestions = java.util.List.copyOf(suggestions);
        }
    }

    /** Which days? {@code days} as in {@link NudgePlan#days()}, toggled until the user is done. */
    record NudgeDays(java.time.LocalTime time, java.time.ZoneId zone, int days) implements Dialogue {}

    /** The reminder is on: change, pause or stop it. */
    record NudgeMenu() implements Dialogue {}

    Dialogue IDLE = new Idle();
}
