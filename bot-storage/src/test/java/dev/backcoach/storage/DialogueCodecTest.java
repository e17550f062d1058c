package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Guide;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialogueCodecTest {
    static final Guide ROUTINE = new Guide(Guide.Kind.ROUTINE, "evening", 3, 41);

    /** One of each variant; those that keep all their fields in storage. */
    static final List<Dialogue> KEPT =
            List.of(
                    new Dialogue.AskZone(List.of()),
                    new Dialogue.AskZone(List.of("America/New_York", "Europe/London")),
                    Dialogue.IDLE,
                    new Dialogue.AskAdult(),
                    new Dialogue.AskConsent(),
                    new Dialogue.AskClearance(),
                    new Dialogue.Planning(0b10110),
                    new Dialogue.SymptomCheckIn("technique:foam_roller 50% off"),
                    new Dialogue.ChoosingTechnique(),
                    new Dialogue.ChoosingRoutine(),
                    new Dialogue.ChoosingLesson(),
                    new Dialogue.Guiding(ROUTINE),
                    new Dialogue.Guiding(new Guide(Guide.Kind.TECHNIQUE, "a:b", 0, 0)),
                    new Dialogue.Rating(),
                    new Dialogue.Settings(),
                    new Dialogue.ConfirmForget(),
                    new Dialogue.NudgeTime(),
                    new Dialogue.WelcomeBack(),
                    new Dialogue.NudgeAmOrPm(java.time.LocalTime.of(3, 30)),
                    new Dialogue.NudgeZone(java.time.LocalTime.of(20, 30), java.util.List.of()),
                    new Dialogue.NudgeZone(
                            java.time.LocalTime.of(0, 5),
                            java.util.List.of("Europe/Berlin", "Etc/GMT-5")),
                    new Dialogue.NudgeDays(
                            java.time.LocalTime.of(21, 0),
                            java.time.ZoneId.of("America/Argentina/Buenos_Aires"),
                            0b1010101),
                    new Dialogue.NudgeMenu());

    /** The variants stored with less than they hold, for privacy (see DialogueCodec). */
    static final List<Dialogue> REDUCED =
            List.of(
                    new Dialogue.Screening(0),
                    new Dialogue.Screening(7),
                    new Dialogue.ScreeningItem(2, 4),
                    new Dialogue.SignGone(),
                    new Dialogue.CheckRestarted(),
                    new Dialogue.HurtCheck(ROUTINE),
                    new Dialogue.EaseOff(ROUTINE),
                    new Dialogue.ConfirmFlag(
                            List.of("saddle_numbness"),
                            "one_leg_symptoms",
                            new Dialogue.Guiding(ROUTINE)));

    @ParameterizedTest
    @FieldSource("KEPT")
    void everyFieldSurvivesStorage(Dialogue dialogue) {
        assertThat(DialogueCodec.decode(DialogueCodec.encode(dialogue))).isEqualTo(dialogue);
    }

    @Test
    void everyVariantOfTheCoreHasAStoredForm() {
        List<Class<?>> covered =
                Stream.concat(KEPT.stream(), REDUCED.stream())
                        .<Class<?>>map(Object::getClass)
                        .distinct()
                        .toList();
        // A variant added to the core fails here until it has a tag and a sample above.
        assertThat(covered).containsAll(records(Dialogue.class));
    }

    /** The records of a sealed hierarchy, through its sealed sub-interfaces. */
    private static List<Class<?>> records(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(c -> c.isInterface() ? records(c).stream() : Stream.of(c))
                .toList();
    }

    @Test
    void everyStepOfTheCheckIsStoredWithoutThePositionReached() {
        assertThat(DialogueCodec.encode(new Dialogue.Screening(5))).isEqualTo("screening");
        assertThat(DialogueCodec.encode(new Dialogue.ScreeningItem(5, 2))).isEqualTo("screening");
        assertThat(DialogueCodec.encode(new Dialogue.SignGone())).isEqualTo("screening");
        assertThat(DialogueCodec.decode("screening")).isEqualTo(new Dialogue.CheckRestarted());
    }

    @Test
    void aQuestionAboutATypedSignIsStoredAsWhereTheUserWas() {
        Dialogue resume = new Dialogue.Guiding(ROUTINE);
        Dialogue asked =
                new Dialogue.ConfirmFlag(List.of("both_legs", "one_leg_symptoms"), null, resume);
        assertThat(DialogueCodec.decode(DialogueCodec.encode(asked))).isEqualTo(resume);
    }

    @Test
    void aPlanStoredBeforeTheOneScreenPlanKeepsItsTicks() {
        assertThat(DialogueCodec.decode("planning:2:5")).isEqualTo(new Dialogue.Planning(5));
        assertThat(DialogueCodec.decode("planning")).isEqualTo(Dialogue.IDLE);
        assertThat(DialogueCodec.decode("planning:1:2:3")).isEqualTo(Dialogue.IDLE);
    }

    @Test
    void aPainQuestionIsStoredAsTheGuidanceItInterrupted() {
        assertThat(DialogueCodec.encode(new Dialogue.HurtCheck(ROUTINE)))
                .isEqualTo("guiding:ROUTINE:evening:3:41");
        assertThat(DialogueCodec.decode(DialogueCodec.encode(new Dialogue.EaseOff(ROUTINE))))
                .isEqualTo(new Dialogue.Guiding(ROUTINE));
    }

    @Test
    void theStoredFormIsCompactAndReadable() {
        assertThat(
                        DialogueCodec.encode(
                                new Dialogue.Guiding(
                                        new Guide(Guide.Kind.TECHNIQUE, "foam_roller", 2, 0))))
                .isEqualTo("guiding:TECHNIQUE:foam_roller:2:0");
        assertThat(DialogueCodec.encode(new Dialogue.Planning(5))).isEqualTo("planning:5");
        assertThat(DialogueCodec.encode(new Dialogue.AskAdult())).isEqualTo("ask_adult");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "nonsense",
                "guiding",
                "guiding:TECHNIQUE:x:1",
                "guiding:SHOE:x:1:0",
                "guiding:TECHNIQUE:%zz:1:0",
                "planning:two:5",
                "planning:x",
                "ask_adult:1",
                "symptom_check_in",
                ":::"
            })
    void anythingUnreadableIsIdle(String stored) {
        assertThat(DialogueCodec.decode(stored)).isEqualTo(Dialogue.IDLE);
    }

    @Test
    void aPausedGuideRoundTripsAndAGarbledOneIsDropped() {
        assertThat(DialogueCodec.decodeGuide(DialogueCodec.encodeGuide(ROUTINE)))
                .isEqualTo(ROUTINE);
        assertThat(DialogueCodec.encodeGuide(null)).isNull();
        assertThat(DialogueCodec.decodeGuide(null)).isNull();
        assertThat(DialogueCodec.decodeGuide("ROUTINE:evening")).isNull();
    }
}
