package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * People type anything, in any state: whatever the text or button data, the engine answers, the
 * answer fits every platform, and free text never moves the route back towards self-care.
 */
class TypedTextProperties {
    private static final Engine ENGINE = new Engine(Chat.CATALOG);
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");
    private static final UserKey USER = new UserKey(Platform.TELEGRAM, "42");
    private static final ChatRef CHAT = ChatRef.privateWith("42");
    private static final List<String> WORDS =
            List.of(
                    "my",
                    "back",
                    "legs",
                    "leg",
                    "numb",
                    "not",
                    "no",
                    "pee",
                    "is",
                    "it",
                    "ok",
                    "if",
                    "sore",
                    "yes",
                    "hurts",
                    "both",
                    "fine",
                    "cant",
                    "can't",
                    "feel",
                    "chest",
                    "pain",
                    "fell",
                    "pregnant",
                    "weak",
                    "bladder",
                    "the",
                    "and",
                    "?",
                    "!",
                    ",",
                    "tennis",
                    "ball",
                    "20:30",
                    "Berlin",
                    "7",
                    "next",
                    "stop",
                    "/help",
                    "/techniques",
                    "never",
                    "what",
                    "worse",
                    "night",
                    "😊",
                    "\u0000",
                    "ÄÖÜ",
                    "пожалуйста",
                    "下背部");

    @Provide
    Arbitrary<Session> states() {
        LocalDate today = LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC);
        Session fresh = Session.fresh(USER);
        Session ready = fresh.withOnboarding(true, true);
        Session selfCare = ready.withRoute(Route.SELF_CARE, today).withEquipment(0b111111);
        Guide roller = new Guide(Guide.Kind.TECHNIQUE, "foam_roller", 1, 0);
        Guide morning = new Guide(Guide.Kind.ROUTINE, "morning", 1, 0);
        List<Session> states =
                new ArrayList<>(
                        List.of(
                                fresh,
                                fresh.withDialogue(new Dialogue.AskAdult()),
                                fresh.withOnboarding(true, false)
                                        .withDialogue(new Dialogue.AskConsent()),
                                ready,
                                ready.withDialogue(new Dialogue.Screening(0)),
                                ready.withDialogue(new Dialogue.Screening(3)),
                                ready.withDialogue(new Dialogue.ScreeningItem(1, 2)),
                                ready.withDialogue(new Dialogue.CheckRestarted()),
                                ready.withRoute(Route.SEE_CLINICIAN, today, "night_pain")
                                        .withDialogue(new Dialogue.SignGone()),
                                ready.withRoute(Route.CLEAR_FIRST, today)
                                        .withDialogue(new Dialogue.AskClearance()),
                                ready.withRoute(Route.EMERGENCY, today),
                                ready.withRoute(Route.SEE_CLINICIAN, today),
                                selfCare,
                                selfCare.withDialogue(new Dialogue.Planning(0)),
                                selfCare.withDialogue(new Dialogue.SymptomCheckIn("techniques")),
                                selfCare.withDialogue(new Dialogue.ChoosingTechnique()),
                                selfCare.withDialogue(new Dialogue.ChoosingRoutine()),
                                selfCare.withDialogue(new Dialogue.ChoosingLesson()),
                                selfCare.withDialogue(new Dialogue.Guiding(roller)),
                                selfCare.withDialogue(new Dialogue.Guiding(morning)),
                                selfCare.withDialogue(new Dialogue.HurtCheck(roller)),
                                selfCare.withDialogue(new Dialogue.EaseOff(roller)),
                                selfCare.withDialogue(new Dialogue.Rating()),
                                selfCare.withDialogue(new Dialogue.Settings()),
                                selfCare.withDialogue(new Dialogue.ConfirmForget()),
                                selfCare.withDialogue(new Dialogue.NudgeTime()),
                                selfCare.withDialogue(
                                        new Dialogue.NudgeZone(
                                                LocalTime.of(20, 0), List.of("Europe/Berlin"))),
                                selfCare.withDialogue(
                                        new Dialogue.NudgeDays(
                                                LocalTime.of(20, 0),
                                                ZoneId.of("Europe/Berlin"),
                                                0b1111111)),
                                selfCare.withDialogue(new Dialogue.NudgeMenu()),
                                selfCare.withDialogue(
                                        new Dialogue.ConfirmFlag(
                                                List.of("saddle_numbness", "one_leg_symptoms"),
                                                null,
                                                new Dialogue.Guiding(roller)))));
        return Arbitraries.of(states).map(s -> s.withPromptSeq(7));
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120),
                Arbitraries.of(WORDS).list().ofMaxSize(40).map(w -> String.join(" ", w)),
                Arbitraries.of(WORDS)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(w -> String.join(" ", w).repeat(2_000)),
                Arbitraries.strings().all().ofMinLength(4_000).ofMaxLength(20_000));
    }

    @Provide
    Arbitrary<String> buttonData() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.integers()
                        .between(-2, 12)
                        .flatMap(
                                seq ->
                                        Arbitraries.of(
                                                        "y",
                                                        "n",
                                                        "y0",
                                                        "n17",
                                                        "y99",
                                                        "v10",
                                                        "v11",
                                                        "fy:0",
                                                        "fn:3,7-9",
                                                        "fy:99",
                                                        "fn:1,2,3,4,5,6-1",
                                                        "fy:",
                                                        "f",
                                                        "changed",
                                                        "plan",
                                                        "next",
                                                        "back",
                                                        "t",
                                                        "d127",
                                                        "tz0",
                                                        "")
                                                .map(a -> seq + "." + a)),
                Arbitraries.of(
                        "/start",
                        "/techniques nonsense",
                        "/routine",
                        "/nudge 25:99 Mars/Olympus",
                        "/",
                        "/ ",
                        "/help@SomeBot",
                        "private:start",
                        "/forget",
                        "/export",
                        "/progress"));
    }

    @Property(tries = 3_000)
    void anyTextInAnyStateGetsAFittingAnswerAndNeverLowersTheRoute(
            @ForAll("states") Session s, @ForAll("anything") String text) {
        Assume.that(!namesAButton(s, text)); // a typed answer to a button is a tap
        Turn turn = ENGINE.handle(s, new Inbound.Text(USER, CHAT, "t", text), NOW);

        assertThat(turn.replies()).as("every message gets an answer").isNotEmpty();
        turn.replies().forEach(TypedTextProperties::fitsEveryPlatform);
        assertThat(urgency(turn.session().route()))
                .as("route after %s", text)
                .isGreaterThanOrEqualTo(urgency(s.route()));
    }

    @Property(tries = 3_000)
    void anyButtonDataInAnyStateGetsAFittingAnswer(
            @ForAll("states") Session s, @ForAll("buttonData") String data) {
        Turn turn = ENGINE.handle(s, new Inbound.Choice(USER, CHAT, "c", data), NOW);
        assertThat(turn.replies()).isNotEmpty();
        turn.replies().forEach(TypedTextProperties::fitsEveryPlatform);
    }

    /** A typed label, or "y", "nope", "7/10": read as the button it means, as the engine does. */
    private static boolean namesAButton(Session s, String text) {
        List<Button> buttons = ENGINE.currentPrompt(s).allButtons();
        return buttons.stream().map(Button::label).anyMatch(l -> Labels.matches(text, l))
                || TypedAnswers.button(s.dialogue(), buttons, text).isPresent();
    }

    private static void fitsEveryPlatform(Reply reply) {
        assertThat(reply.text()).isNotBlank().hasSizeLessThanOrEqualTo(2_000);
        assertThat(reply.buttons()).hasSizeLessThanOrEqualTo(5);
        reply.buttons().forEach(row -> assertThat(row).hasSizeBetween(1, 5));
    }

    private static int urgency(Route route) {
        return switch (route) {
            case EMERGENCY -> 3;
            case SEE_CLINICIAN -> 2;
            case CLEAR_FIRST -> 1;
            default -> 0;
        };
    }
}
