package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcoach.discord.fake.InteractionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interactions the fuzz found unanswered: before, each made the listener throw (JDA logged an
 * uncaught exception and nobody answered the user).
 */
class OddInteractionTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long USER = 4_242_424_242L;
    static final long SERVER = 990_000_000_000_000_001L;
    OddInteractions bot;

    @BeforeEach
    void start() throws Exception {
        bot = new OddInteractions();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertThat(bot.failures()).isEmpty();
            bot.discord.assertNoViolations();
        } finally {
            bot.stop();
        }
    }

    InteractionLog.Outcome send(int type, ObjectNode data) {
        long id = bot.discord.injectRaw(bot.discord.interaction(type, USER, SERVER, data));
        await().atMost(OddInteractions.WAIT)
                .until(() -> OddInteractions.answered(bot.discord.outcome(id)));
        return bot.discord.outcome(id);
    }

    static ObjectNode command(String name) {
        ObjectNode data = JSON.createObjectNode().put("id", "1").put("name", name).put("type", 1);
        data.putArray("options");
        return data;
    }

    @Test
    void anOptionOfAnotherTypeIsReadAsAbsent() {
        ObjectNode data = command("progress");
        ArrayNode options = (ArrayNode) data.get("options");
        options.addObject().put("name", "week").put("type", 10).put("value", 1.5);
        assertThat(send(2, data).acknowledgedInTime()).isTrue();
    }

    @Test
    void anOptionWithoutAValueIsReadAsAbsent() {
        ObjectNode data = command("techniques");
        ArrayNode options = (ArrayNode) data.get("options");
        options.addObject().put("name", "x").put("type", 3).put("value", "y");
        ObjectNode group = options.addObject();
        group.put("name", "score").put("type", 1); // a sub-command: options, no value
        group.putArray("options");
        assertThat(send(2, data).acknowledgedInTime()).isTrue();
    }

    @Test
    void autocompleteOfAnOptionThatIsNotTextOffersNothing() {
        for (int type : new int[] {4, 6, 8}) {
            ObjectNode data = command("techniques");
            ObjectNode option = ((ArrayNode) data.get("options")).addObject();
            option.put("name", type == 4 ? "name" : "zone").put("type", type);
            option.put("value", "5").put("focused", true);
            assertThat(send(4, data).ackType()).isEqualTo(8);
        }
    }

    @Test
    void aSelectMenuIsAnsweredLikeAnOutdatedButton() {
        ObjectNode data =
                JSON.createObjectNode().put("custom_id", USER + ":n:next").put("component_type", 3);
        data.putArray("values").add("x");
        assertThat(send(3, data).ackType()).isEqualTo(4);
    }

    @Test
    void aModalSubmitIsAnswered() {
        ObjectNode data = JSON.createObjectNode().put("custom_id", "feedback");
        ObjectNode input =
                data.putArray("components")
                        .addObject()
                        .put("type", 1)
                        .putArray("components")
                        .addObject();
        input.put("type", 4).put("custom_id", "text").put("value", "hello");
        assertThat(send(5, data).ackType()).isEqualTo(4);
    }
}
