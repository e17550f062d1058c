package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Step;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Route;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GuidanceTest {

    static Stream<Technique> everyTechnique() {
        return Chat.CATALOG.techniques().stream();
    }

    @ParameterizedTest
    @MethodSource("everyTechnique")
    void everyTechniqueRunsFromCautionsToItsEnd(Technique technique) {
        Chat chat = new Chat().selfCare(true);
        chat.press(technique.title());
        assertThat(chat.text()).contains(technique.title(), chat.catalogText("guide.cautions"));
        technique.cautions().forEach(c -> assertThat(chat.text()).contains(c));
        for (Step step : technique.steps()) {
            chat.press("Next");
            assertThat(chat.text()).contains(step.text());
            assertThat(chat.hasButton("Stop")).isTrue();
            assertThat(chat.hasButton(chat.catalogText("button.hurts"))).isTrue();
            assertThat(chat.hasButton("⏱")).isEqualTo(step.seconds() != null);
            if (step.reps() != null) {
                assertThat(chat.text()).contains(step.reps());
            }
            assertThat(chat.replies()).allMatch(r -> r.replacePrevious());
        }
        chat.press("Next");
        assertThat(chat.text())
                .contains(
                        chat.catalogText("guide.done_technique")
                                .replace("{title}", technique.title()));
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Rating());
        assertThat(chat.session().paused()).isNull();
    }

    @Test
    void backAndRepeatMoveWithinTheTechnique() {
        Technique balls = Chat.CATALOG.technique("tennis_balls").orElseThrow();
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques tennis_balls")
                        .press("Next")
                        .press("Next");
        assertThat(chat.text()).contains(balls.steps().get(1).text());
        chat.press("◀ Back");
        assertThat(chat.text()).contains(balls.steps().get(0).text());
        chat.press("↻");
        assertThat(chat.text()).contains(balls.steps().get(0).text());
        assertThat(chat.session().dialogue())
                .isEqualTo(
                        new Dialogue.Guiding(
                                new dev.backcoach.core.model.Guide(
                                        dev.backcoach.core.model.Guide.Kind.TECHNIQUE,
                                        "tennis_balls",
                                        1,
                                        0)));
    }

    private static Chat atFirstTimedStep() {
        Chat chat = new Chat().selfCare(true).send("/techniques tennis_balls").press("Next");
        while (!chat.hasButton("⏱")) {
            chat.press("Next");
        }
        return chat;
    }

    @Test
    void aTimedStepStartsATimerAndSaysWhenTimeIsUp() {
        Chat chat = atFirstTimedStep();
        int seconds =
                chat.session().dialogue() instanceof Dialogue.Guiding g
                        ? Chat.CATALOG
                                .technique("tennis_balls")
                                .orElseThrow()
                                .steps()
                                .get(g.guide().step() - 1)
                                .seconds()
                        : -1;
        chat.press("⏱");
        assertThat(chat.text()).contains(Texts.duration(seconds));
        Effect.StartTimer timer = (Effect.StartTimer) chat.effects.get(chat.effects.size() - 1);
        assertThat(timer.delay()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(chat.hasButton("⏱")).as("no second timer while one runs").isFalse();

        chat.later(timer.delay()).fireTimer(timer.token());
        assertThat(chat.text())
                .startsWith(
                        chat.catalogText("timer.done")
                                .replace("{duration}", Texts.duration(seconds)));
        assertThat(chat.hasButton("Next")).isTrue();
    }

    @Test
    void aTimerForAStepAlreadyLeftOnlySaysTimeIsUp() {
        Chat chat = atFirstTimedStep().press("⏱");
        int token = ((Effect.StartTimer) chat.effects.get(chat.effects.size() - 1)).token();
        chat.press("Next");
        var before = chat.session();
        chat.fireTimer(token);
        assertThat(chat.text()).isEqualTo(chat.catalogText("timer.done_elsewhere"));
        assertThat(chat.session().dialogue()).isEqualTo(before.dialogue());
    }

    @Test
    void sharpOrSpreadingPainStopsTechniquesAndRoutesToAClinician() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam_roller")
                        .press("Next")
                        .press("It hurts");
        assertThat(chat.text()).contains(chat.catalogText("hurt.ask"));
        chat.press("Yes");
        assertThat(chat.text()).contains(chat.catalogText("hurt.radiating"));
        assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
        assertThat(chat.session().paused()).isNull();
        chat.send("/techniques");
        assertThat(chat.text()).contains(chat.catalogText("techniques.locked_clinician"));
    }

    @Test
    void aDullAcheEasesOffAndContinuesAtTheSameStep() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam_roller")
                        .press("Next")
                        .press("Next")
                        .press("It hurts")
                        .press("No");
        assertThat(chat.text()).contains(chat.catalogText("hurt.dull"));
        chat.press(chat.catalogText("button.continue_gently"));
        assertThat(chat.text())
                .contains(
                        Chat.CATALOG.technique("foam_roller").orElseThrow().steps().get(1).text());
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
    }

    @Test
    void stopKeepsThePlaceForResuming() {
        Technique roller = Chat.CATALOG.technique("foam_roller").orElseThrow();
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam_roller")
                        .press("Next")
                        .press("Next")
                        .press("Stop");
        assertThat(chat.text()).contains(chat.catalogText("guide.stopped"));
        chat.press("Resume");
        assertThat(chat.text()).contains(roller.steps().get(1).text());
    }

    @Test
    void progressRatingsShowTheChangeInWordsWithDates() {
        Chat chat = new Chat().selfCare(false).progress();
        assertThat(chat.text()).contains("Your chart needs ratings on at least two days.");
        assertThat(chat.replies().get(0).chart()).isNull();
        chat.press("7");
        chat.later(Duration.ofDays(1)).progress().press("5");
        chat.later(Duration.ofDays(1)).progress().press("4");
        chat.progress().press("3");
        assertThat(chat.text())
                .contains("I've replaced today's 4 with 3")
                .contains("Stiffness went from 7 to 3 over 2 days (Mon 2 Mar to Wed 4 Mar)")
                .contains(chat.catalogText("progress.better"));
        assertThat(chat.effects).filteredOn(e -> e instanceof Effect.RecordRating).hasSize(4);
    }
}
