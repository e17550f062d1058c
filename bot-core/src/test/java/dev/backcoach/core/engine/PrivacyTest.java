package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Document;
import dev.backcoach.core.model.Reply;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PrivacyTest {

    @Test
    void exportSendsAReadableSummaryThenAllStoredDataAsJson() throws Exception {
        Chat chat =
                new Chat()
                        .selfCareWith(dev.backcoach.core.content.Equipment.FOAM_ROLLER)
                        .send("/nudge 20:00 Europe/Berlin")
                        .progress()
                        .press("6")
                        .send("/export");
        assertThat(chat.replies().get(0).text())
                .startsWith("Here is what I keep about you:")
                .contains(
                        "Safety check: " + chat.catalogText("route.self_care") + " (Mon 2 Mar)",
                        "Plan: " + chat.catalogText("equipment.foam_roller"),
                        "Reminder: 20:00 (Europe/Berlin), Every day",
                        "Stiffness ratings: Mon 2 Mar: 6");
        assertThat(chat.replies().get(1).document()).isNotNull();
        Document document =
                chat.replies().stream()
                        .map(Reply::document)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElseThrow();
        assertThat(document.mediaType()).isEqualTo("application/json");
        JsonNode json = new ObjectMapper().readTree(document.content());
        assertThat(json.path("user_id").asText()).isEqualTo("user-1");
        assertThat(json.path("data").toString()).contains("SELF_CARE", "2026-03-02", "6");
    }

    @Test
    void theConsentScreenListsEverythingPrivacyLists() {
        Chat chat = new Chat().send("/start").press("Yes");
        String consent = chat.text();
        for (String kept :
                new String[] {
                    "safety check", "plan", "exercise", "ratings", "replies", "7 days", "reminder"
                }) {
            assertThat(chat.catalogText("privacy")).containsIgnoringCase(kept);
            assertThat(consent).containsIgnoringCase(kept);
        }
    }

    @Test
    void forgetAsksFirstAndNoKeepsEverything() {
        Chat chat = new Chat().selfCare(true).send("/forget");
        assertThat(chat.text()).contains(chat.catalogText("forget.confirm"));
        chat.press("No");
        assertThat(chat.text()).contains(chat.catalogText("forget.cancelled"));
        assertThat(chat.session().onboarded()).isTrue();
    }

    @Test
    void forgetDeletesEverythingAndTheUserStartsAsNew() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .progress()
                        .press("4")
                        .send("/forget")
                        .press("Yes, delete everything");
        assertThat(chat.text()).isEqualTo(chat.catalogText("forget.done"));
        assertThat(chat.store.load(chat.user())).isEmpty();
        assertThat(chat.store.export(chat.user()).toString()).doesNotContain("4");

        chat.send("/techniques");
        assertThat(chat.text()).contains(chat.catalogText("start.ask_adult"));
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.AskAdult());
    }

    @Test
    void privacyExplainsWhatIsKeptAndHowToLeave() {
        Chat chat = new Chat().send("/privacy");
        assertThat(chat.text()).contains("/export", "/forget", "30 days", "never kept");
    }
}
