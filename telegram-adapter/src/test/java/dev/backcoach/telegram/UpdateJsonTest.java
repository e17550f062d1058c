package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.core.model.Inbound;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook's own reading of an update means exactly what telegrambots' model means (used by
 * polling).
 */
class UpdateJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT = "backcoach_bot";
    private static final String PRIVATE = "{\"id\":42,\"type\":\"private\",\"first_name\":\"A\"}";
    private static final String GROUP = "{\"id\":-100200,\"type\":\"supergroup\",\"title\":\"G\"}";
    private static final String FROM = "{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"}";

    private static String message(String chat, String rest) {
        return "{\"update_id\":7001,\"message\":{\"message_id\":5,\"date\":1700000000,\"chat\":"
                + chat
                + ",\"from\":"
                + FROM
                + rest
                + "}}";
    }

    private static String command(String chat, String text, int length) {
        return message(
                chat,
                ",\"text\":\""
                        + text
                        + "\",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":"
                        + length
                        + "}]");
    }

    private static String press(String messageOrNothing) {
        return "{\"update_id\":7002,\"callback_query\":{\"id\":\"cb-9\",\"from\":"
                + FROM
                + ",\"chat_instance\":\"ci\",\"data\":\"12.y3\""
                + messageOrNothing
                + "}}";
    }

    static final List<String> UPDATES =
            List.of(
                    message(PRIVATE, ",\"text\":\"how often should I massage?\""),
                    message(PRIVATE, ",\"text\":\"Rücken 💪🏽 <b>\""),
                    command(PRIVATE, "/start evening", 6),
                    command(PRIVATE, "/NUDGE 20:30 Europe/Berlin", 6),
                    command(GROUP, "/help@backcoach_bot", 19),
                    command(GROUP, "/help@other_bot", 15),
                    message(
                            PRIVATE,
                            ",\"text\":\"see /help\",\"entities\":[{\"type\":\"bot_command\",\"offset\":4,\"length\":5}]"),
                    message(
                            PRIVATE,
                            ",\"sticker\":{\"file_id\":\"x\",\"file_unique_id\":\"y\",\"type\":\"regular\",\"width\":1,"
                                    + "\"height\":1,\"is_animated\":false,\"is_video\":false}"),
                    press(
                            ",\"message\":{\"message_id\":77,\"date\":1700000000,\"chat\":"
                                    + PRIVATE
                                    + ",\"text\":\"q\"}"),
                    press(
                            ",\"message\":{\"message_id\":78,\"date\":1700000000,\"chat\":"
                                    + GROUP
                                    + ",\"text\":\"q\"}"),
                    press(""),
                    "{\"update_id\":7003,\"edited_message\":{\"message_id\":5,\"date\":1700000000,\"edit_date\":1700000001,"
                            + "\"chat\":"
                            + PRIVATE
                            + ",\"from\":"
                            + FROM
                            + ",\"text\":\"x\"}}",
                    "{\"update_id\":7004,\"channel_post\":{\"message_id\":5,\"date\":1700000000,\"chat\":"
                            + "{\"id\":-1001,\"type\":\"channel\",\"title\":\"C\"},\"text\":\"x\"}}");

    /**
     * Found by the fault suite's fuzzed updates: through polling, an entity outside the text made
     * the library throw and the update went unanswered.
     */
    @Test
    void anEntityOutsideTheTextIsNoCommandAndNoFailure() throws IOException {
        String raw =
                message(
                        PRIVATE,
                        ",\"text\":\"/start\",\"entities\":[{\"type\":\"bot_command\",\"offset\":-1,"
                                + "\"length\":17}]}");
        Update update = JSON.readValue(raw, Update.class);

        Optional<Incoming> viaLibrary = Incoming.from(update, BOT);

        assertThat(viaLibrary).isPresent();
        assertThat(viaLibrary.get().inbound()).isInstanceOf(Inbound.Text.class);
        assertThat(new UpdateJson(JSON).read(raw.getBytes(StandardCharsets.UTF_8), BOT).incoming())
                .isEqualTo(viaLibrary);
    }

    /**
     * Found by the fault suite's fuzzed updates: through polling, a press without its sender or a
     * message without its chat threw inside the bot (logged as an error) instead of being ignored,
     * as the webhook ignores them.
     */
    @Test
    void anUpdateWithoutSenderOrChatIsIgnoredNotAFailure() throws IOException {
        List<String> broken =
                List.of(
                        "{\"update_id\":8001,\"callback_query\":{\"id\":\"q\",\"chat_instance\":\"c\","
                                + "\"data\":\"x\",\"message\":{\"message_id\":5,\"date\":1700000000,"
                                + "\"chat\":"
                                + PRIVATE
                                + "}}}",
                        "{\"update_id\":8002,\"callback_query\":{\"id\":\"q\",\"chat_instance\":\"c\","
                                + "\"from\":"
                                + FROM
                                + ",\"data\":\"x\",\"message\":{\"message_id\":5,\"date\":1700000000}}}",
                        "{\"update_id\":8003,\"message\":{\"message_id\":5,\"date\":1700000000,"
                                + "\"from\":"
                                + FROM
                                + ",\"text\":\"/start\"}}");
        for (String raw : broken) {
            Update update = JSON.readValue(raw, Update.class);
            assertThat(Incoming.from(update, BOT)).as(raw).isEmpty();
        }
    }

    @Test
    void everyKindOfUpdateMeansTheSameAsThroughTheLibrarysModel() throws IOException {
        UpdateJson reader = new UpdateJson(JSON);
        for (String raw : UPDATES) {
            Update update = JSON.readValue(raw, Update.class);
            Optional<Incoming> viaLibrary = Incoming.from(update, BOT);
            UpdateJson.Read read = reader.read(raw.getBytes(StandardCharsets.UTF_8), BOT);
            assertThat(read.incoming()).as(raw).isEqualTo(viaLibrary);
            assertThat(read.updateId()).isEqualTo(update.getUpdateId().longValue());
        }
        assertThat(
                        UPDATES.stream()
                                .map(
                                        raw -> {
                                            try {
                                                return reader.read(
                                                                raw.getBytes(
                                                                        StandardCharsets.UTF_8),
                                                                BOT)
                                                        .incoming()
                                                        .isPresent();
                                            } catch (IOException e) {
                                                throw new AssertionError(e);
                                            }
                                        })
                                .filter(present -> present)
                                .count())
                .as("the served ones")
                .isEqualTo(9);
    }

    @Test
    void aBodyThatIsNoUpdateIsRefused() {
        UpdateJson reader = new UpdateJson(JSON);
        for (String bad :
                List.of(
                        "",
                        "[]",
                        "{\"message\":{}}",
                        "{\"update_id\":\"x\"}",
                        "not json",
                        "{\"update_id\":1,\"callback_query\":{\"id\":\"c\",\"message\":{\"message_id\":1}}}")) {
            assertThatThrownBy(() -> reader.read(bad.getBytes(StandardCharsets.UTF_8), BOT))
                    .as(bad)
                    .isInstanceOf(IOException.class);
        }
    }
}
