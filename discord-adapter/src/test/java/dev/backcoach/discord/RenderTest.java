package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Document;
import dev.backcoach.core.model.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * Replies cut to Discord's limits: 2,000 characters, 5 buttons a row, 5 rows, labels of 80,
 * custom_id of 100.
 */
class RenderTest {
    static final String OWNER = "123456789012345678";

    @Test
    void aLongTextContinuesInFurtherMessagesAtLineBreaksWithTheButtonsOnTheLast() {
        String paragraph = "x".repeat(900) + "\n";
        Reply reply =
                new Reply(
                        paragraph.repeat(5).strip(),
                        List.of(List.of(new Button("Next", "3.n"))),
                        false);
        List<MessageCreateData> messages = Render.messages(List.of(reply), OWNER);
        assertThat(messages).hasSize(3);
        assertThat(messages).allMatch(m -> m.getContent().length() <= Render.MAX_CONTENT);
        assertThat(String.join("\n", messages.stream().map(MessageCreateData::getContent).toList()))
                .isEqualTo(reply.text());
        assertThat(messages.get(0).getComponents()).isEmpty();
        assertThat(messages.get(2).getComponents()).hasSize(1);
    }

    @Test
    void manyButtonsAreCutIntoRowsOfFiveAndMessagesOfFiveRows() {
        List<Button> thirty =
                IntStream.range(0, 30)
                        .mapToObj(i -> new Button("T" + i, "/techniques t" + i))
                        .toList();
        List<MessageCreateData> messages =
                Render.messages(
                        List.of(
                                new Reply(
                                        "Pick one",
                                        List.of(thirty.subList(0, 7), thirty.subList(7, 30)),
                                        false)),
                        OWNER);
        assertThat(messages).hasSize(2);
        List<ActionRow> first =
                messages.get(0).getComponents().stream().map(c -> (ActionRow) c).toList();
        assertThat(first).hasSize(5);
        assertThat(first).allMatch(row -> row.getComponents().size() <= 5);
        assertThat(messages.get(1).getContent()).isEmpty();
        long buttons =
                messages.stream()
                        .flatMap(m -> m.getComponents().stream())
                        .mapToLong(row -> ((ActionRow) row).getComponents().size())
                        .sum();
        assertThat(buttons).as("none dropped").isEqualTo(30);
    }

    @Test
    void labelsAreShortenedAndIdsCarryTheOwnerWithinOneHundredCharacters() {
        String data = "9".repeat(64);
        MessageCreateData message =
                Render.messages(
                                List.of(
                                        new Reply(
                                                "?",
                                                List.of(List.of(new Button("L".repeat(120), data))),
                                                false)),
                                OWNER)
                        .get(0);
        var button =
                (net.dv8tion.jda.api.components.buttons.Button)
                        ((ActionRow) message.getComponents().get(0)).getComponents().get(0);
        assertThat(button.getLabel()).hasSize(Render.MAX_LABEL).endsWith("\u2026");
        assertThat(button.getCustomId()).hasSizeLessThanOrEqualTo(CustomId.MAX_LENGTH);
        assertThat(CustomId.decode(button.getCustomId())).contains(new CustomId(OWNER, data));
    }

    @Test
    void aDocumentIsAttachedToItsMessage() {
        Document doc =
                new Document(
                        "backcoach-data.json",
                        "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8));
        MessageCreateData message =
                Render.messages(List.of(new Reply("Your data", List.of(), false, doc)), OWNER)
                        .get(0);
        assertThat(message.getFiles())
                .singleElement()
                .satisfies(f -> assertThat(f.getName()).isEqualTo("backcoach-data.json"));
    }

    @Test
    void customIdsNotMadeByTheBotAreRecognised() {
        assertThat(CustomId.decode("no-owner")).isEmpty();
        assertThat(CustomId.decode(":x")).isEmpty();
        assertThat(CustomId.decode("12:/routine evening"))
                .contains(new CustomId("12", "/routine evening"));
    }
}
