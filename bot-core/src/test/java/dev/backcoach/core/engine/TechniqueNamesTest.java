package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Guide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /techniques NAME understands the words people use, and the plan decides which technique they get.
 */
class TechniqueNamesTest {

    private static String started(Chat chat) {
        return chat.session().dialogue() instanceof Dialogue.Guiding g
                        && g.guide().kind() == Guide.Kind.TECHNIQUE
                ? g.guide().id()
                : "none";
    }

    @ParameterizedTest(name = "/techniques {0}: {1} with everything, {2} with nothing")
    @CsvSource({
        "twist, spinal_twist, seated_twist",
        "cow, cat_cow, seated_cat_cow",
        "cat-cow, cat_cow, seated_cat_cow",
        "chest, knee_to_chest, seated_knee_hug",
        "circles, hip_circles, hip_circles",
        "thumb, thumb_circles, none",
        "hip flex, hip_flexor_stretch, standing_hip_flexor",
        "Seated twist, seated_twist, seated_twist",
        "strokes, effleurage, hand_strokes",
    })
    void synonymsAndPartialNamesFindTheTechniqueThePlanAllows(
            String typed, String withEverything, String withNothing) {
        assertThat(started(new Chat().selfCare(true).send("/techniques " + typed)))
                .isEqualTo(withEverything);
        assertThat(started(new Chat().selfCare(false).send("/techniques " + typed)))
                .isEqualTo(withNothing);
    }

    @ParameterizedTest
    @CsvSource({
        "roller, foam_roller",
        "wall, ball_wall",
        "massage gun, massager",
        "tennis, tennis_balls"
    })
    void aNameFoundWithEverythingAtHandStartsThatTechnique(String typed, String id) {
        Chat chat = new Chat().selfCare(true).send("/techniques " + typed);
        assertThat(started(chat)).isEqualTo(id);
        assertThat(chat.text())
                .contains(Chat.CATALOG.technique(id).orElseThrow().cautions().get(0));
    }

    @Test
    void aTechniqueThePlanLacksIsNamedWithWhatItNeedsAndWhatFitsIsOffered() {
        Chat chat = new Chat().selfCareWith(Equipment.FLOOR).send("/techniques foam roller");
        Technique roller = Chat.CATALOG.technique("foam_roller").orElseThrow();
        assertThat(chat.text())
                .contains(
                        chat.catalogText("techniques.not_in_plan")
                                .replace("{title}", roller.title())
                                .replace("{needs}", chat.catalogText("equipment.foam_roller")));
        assertThat(started(chat)).isEqualTo("none");
        assertThat(chat.labels())
                .contains(Chat.CATALOG.technique("cat_cow").orElseThrow().title())
                .doesNotContain(roller.title());

        chat = new Chat().selfCare(false).send("/techniques wall");
        assertThat(chat.text()).contains(chat.catalogText("equipment.firm_ball"));
    }

    @Test
    void anUnknownNameSaysSoAndShowsTheMenu() {
        Chat chat = new Chat().selfCare(true).send("/techniques trampoline");
        assertThat(chat.text())
                .contains(chat.catalogText("techniques.unknown").replace("{name}", "trampoline"));
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.ChoosingTechnique());
    }
}
