package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Parameters checked against the spec: unknown, missing, mistyped, buttons and bot commands. */
class FakeBotApiParametersTest extends FakeBotApiFixture {

    @Test
    void unknownParameterIsAcceptedLikeTelegramButRecorded() throws Exception {
        HttpResponse<String> response =
                postJson(
                        "sendMessage",
                        "{\"chat_id\":"
                                + USER
                                + ",\"text\":\"hi\",\"colour\":\"red\",\"disable_web_page_preview\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(telegram.violations())
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("sendMessage: colour: unknown parameter"));
    }

    @Test
    void missingChatIdIsRejected() throws Exception {
        HttpResponse<String> response = postJson("sendmessage", "{\"text\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"description\":\"Bad Request: chat_id is empty\"");
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("sendMessage: chat_id: missing required parameter");
    }

    @Test
    void wrongTypesAreFoundRecursively() throws Exception {
        HttpResponse<String> response =
                postJson(
                        "sendMessage",
                        "{\"chat_id\":1,\"text\":\"hi\",\"disable_notification\":"
                                + "\"yes\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":5}]]}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(telegram.violations())
                .anySatisfy(v -> assertThat(v).contains("disable_notification", "expected Boolean"))
                .anySatisfy(
                        v ->
                                assertThat(v)
                                        .contains(
                                                "inline_keyboard[0][0].callback_data",
                                                "expected String, got Integer 5"));
    }

    @Test
    void numberSentAsStringIsAcceptedButRecorded() throws Exception {
        client.execute(SendMessage.builder().chatId(USER).text("x").build());

        HttpResponse<String> response =
                postJson(
                        "editMessageText",
                        "{\"chat_id\":\"" + USER + "\",\"message_id\":\"1\",\"text\":\"y\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("message_id", "JSON string");
        assertThat(telegram.lastIn(USER).plainText()).isEqualTo("y");
    }

    @Test
    void buttonRulesAreChecked() throws Exception {
        HttpResponse<String> noAction =
                postJson(
                        "sendMessage",
                        "{\"chat_id\":1,\"text\":\"hi\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"A\"}]]}}");
        HttpResponse<String> emptyText =
                postJson(
                        "sendMessage",
                        "{\"chat_id\":1,\"text\":\"hi\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"\",\"callback_data\":"
                                + "\"a\"}]]}}");
        HttpResponse<String> twoActions =
                postJson(
                        "sendMessage",
                        "{\"chat_id\":1,\"text\":\"hi\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":"
                                + "\"a\",\"url\":\"https://example.org\"}]]}}");

        assertThat(noAction.body()).contains("Text buttons are unallowed in the inline keyboard");
        assertThat(emptyText.statusCode()).isEqualTo(400);
        assertThat(twoActions.statusCode()).isEqualTo(200);
        assertThat(telegram.violations()).hasSize(3);
        assertThat(telegram.violations().get(2)).contains("2 action fields");
    }

    @Test
    void badCommandNamesAreRejectedAndGoodOnesStored() throws Exception {
        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        SetMyCommands.builder()
                                                .commands(
                                                        List.of(
                                                                new BotCommand("start", "Begin"),
                                                                new BotCommand(
                                                                        "Check", "Screening")))
                                                .build()));
        assertThat(e.getApiResponse()).isEqualTo("Bad Request: BOT_COMMAND_INVALID");
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("setMyCommands: commands[1].command", "\"Check\"");
        telegram.clearViolations();

        rejected(
                () ->
                        client.execute(
                                SetMyCommands.builder()
                                        .commands(List.of(new BotCommand("/help", "Help")))
                                        .build()));
        rejected(
                () ->
                        client.execute(
                                SetMyCommands.builder()
                                        .commands(List.of(new BotCommand("help", "x".repeat(257))))
                                        .build()));
        // telegrambots refuses more than 100 commands itself, so this one goes raw.
        StringBuilder tooMany = new StringBuilder("{\"commands\":[");
        for (int i = 0; i < 101; i++) {
            tooMany.append(i == 0 ? "" : ",")
                    .append("{\"command\":\"c")
                    .append(i)
                    .append("\",\"description\":\"C\"}");
        }
        HttpResponse<String> response = postJson("setMyCommands", tooMany.append("]}").toString());
        assertThat(response.body()).contains("BOT_COMMANDS_TOO_MUCH");
        assertThat(telegram.violations()).hasSize(3);
        telegram.clearViolations();

        client.execute(
                SetMyCommands.builder()
                        .commands(
                                List.of(
                                        new BotCommand("start", "Begin"),
                                        new BotCommand("forget", "Delete my data")))
                        .build());
        assertThat(telegram.commands())
                .containsExactly(
                        Map.entry("start", "Begin"), Map.entry("forget", "Delete my data"));
        assertThat(client.execute(GetMyCommands.builder().build()))
                .extracting(BotCommand::getCommand)
                .containsExactly("start", "forget");
        telegram.assertNoViolations();
    }
}
