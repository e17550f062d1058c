package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Document;
import dev.backcoach.core.model.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesJsonTest {

    @Test
    void anAttachedDocumentIsReplayedWithItsBytes() throws Exception {
        byte[] content = "{\"a\": \"ü\"}".getBytes(StandardCharsets.UTF_8);
        Reply reply =
                new Reply(
                        "Here",
                        List.of(),
                        false,
                        new Document("data.json", "application/json", content));

        Reply back = RepliesJson.read(RepliesJson.write(List.of(reply))).get(0);

        assertThat(back.text()).isEqualTo("Here");
        assertThat(back.document()).isNotNull();
        assertThat(back.document().fileName()).isEqualTo("data.json");
        assertThat(back.document().content()).isEqualTo(content);
    }

    @Test
    void aReplyWithoutDocumentIsStoredWithoutOne() {
        assertThat(RepliesJson.write(List.of(Reply.text("hi")))).doesNotContain("document");
    }

    @Test
    void rowsWrittenByANewerVersionStillReplay() throws Exception {
        String stored =
                "[{\"text\":\"hi\",\"buttons\":[[{\"label\":\"Yes\",\"data\":\"1.y\",\"style\":\"primary\"}]],"
                        + "\"replacePrevious\":false,\"silent\":true}]";

        assertThat(RepliesJson.read(stored))
                .containsExactly(
                        new Reply("hi", List.of(List.of(new Button("Yes", "1.y"))), false));
    }
}
