package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BotApiSpec spec = BotApiSpec.get();
    private final SpecValidator validator = new SpecValidator(spec);

    private List<Issue> request(String method, String json) throws Exception {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(e -> params.put(e.getKey(), e.getValue()));
        return validator
                .validateRequest(spec.method(method).orElseThrow(), params, false, Map.of())
                .issues();
    }

    @Test
    void specIsReadFromInsideTheRepository() {
        assertThat(spec.source()).isEqualTo("/specs/telegram-bot-api.json");
        assertThat(spec.version()).startsWith("Bot API");
        assertThat(spec.method("SENDMESSAGE"))
                .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("sendMessage"));
    }

    @Test
    void unionsAreResolvedByTheirDiscriminator() throws Exception {
        assertThat(
                        request(
                                "setMyCommands",
                                "{\"commands\":[{\"command\":\"a\",\"description\":\"A\"}],"
                                        + "\"scope\":{\"type\":\"chat\",\"chat_id\":5}}"))
                .isEmpty();
        assertThat(request("setMyCommands", "{\"commands\":[],\"scope\":{\"type\":\"chat\"}}"))
                .singleElement()
                .satisfies(i -> assertThat(i.path()).isEqualTo("scope.chat_id"));
        assertThat(request("setMyCommands", "{\"commands\":[],\"scope\":{\"type\":\"everyone\"}}"))
                .singleElement()
                .satisfies(
                        i ->
                                assertThat(i.problem())
                                        .contains("unknown value", "all_private_chats"));
    }

    @Test
    void replyMarkupMayBeAnyOfItsFourTypes() throws Exception {
        assertThat(
                        request(
                                "sendMessage",
                                "{\"chat_id\":1,\"text\":\"x\",\"reply_markup\":{\"remove_keyboard\":true}}"))
                .isEmpty();
        assertThat(
                        request(
                                "sendMessage",
                                "{\"chat_id\":1,\"text\":\"x\",\"reply_markup\":{\"keyboard\":[[\"Yes\"]]}}"))
                .singleElement()
                .satisfies(i -> assertThat(i.path()).isEqualTo("reply_markup.keyboard[0][0]"));
        assertThat(
                        request(
                                "sendMessage",
                                "{\"chat_id\":1,\"text\":\"x\",\"reply_markup\":"
                                        + "\"{\\\"inline_keyboard\\\":[[{\\\"text\\\":\\\"A\\\",\\\"callback_data\\\":\\\"a\\\"}]]}\"}"))
                .isEmpty();
    }

    @Test
    void multipartStringsAreReadAsTheSpecTypes() {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        params.put("chat_id", TextNode.valueOf("-100123"));
        params.put("message_id", TextNode.valueOf("7"));
        params.put("reply_markup", TextNode.valueOf("{\"inline_keyboard\":[]}"));
        SpecValidator.Validation v =
                validator.validateRequest(
                        spec.method("editMessageReplyMarkup").orElseThrow(),
                        params,
                        true,
                        Map.of());

        assertThat(v.issues()).isEmpty();
        assertThat(v.params().get("message_id").isIntegralNumber()).isTrue();
        assertThat(v.params().get("reply_markup").isObject()).isTrue();
    }

    /**
     * The fake's own answers and updates must be what the spec promises, or the tests would prove
     * nothing.
     */
    @Test
    void theFakesOwnOutputMatchesTheSpec() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start("1:SELF")) {
            HttpClient http = HttpClient.newHttpClient();
            String base = telegram.baseUrl() + "/bot1:SELF/";
            JsonNode me = post(http, base + "getMe", "{}");
            JsonNode sent =
                    post(
                            http,
                            base + "sendMessage",
                            "{\"chat_id\":\"42\",\"text\":\"<b>Hi</b> <a href=\\\"https://x.org\\\">"
                                    + "x</a>\",\"parse_mode\":\"HTML\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"y\"}]]}}");
            JsonNode edited =
                    post(
                            http,
                            base + "editMessageText",
                            "{\"chat_id\":\"42\",\"message_id\":1,\"text\":\"Bye\"}");
            JsonNode info = post(http, base + "getWebhookInfo", "{}");
            String text = telegram.privateTextUpdateJson(42, "/start abc");
            String group = telegram.groupTextUpdateJson(-5, 42, "/help@backcoach_test_bot");
            String callback = telegram.callbackUpdateJson(42, 42, 1, "y");

            assertThat(validator.validateValue("getMe", me.get("result"), List.of("User")))
                    .isEmpty();
            assertThat(
                            validator.validateValue(
                                    "sendMessage", sent.get("result"), List.of("Message")))
                    .isEmpty();
            assertThat(
                            validator.validateValue(
                                    "editMessageText", edited.get("result"), List.of("Message")))
                    .isEmpty();
            assertThat(
                            validator.validateValue(
                                    "getWebhookInfo", info.get("result"), List.of("WebhookInfo")))
                    .isEmpty();
            for (String update : List.of(text, group, callback)) {
                assertThat(
                                validator.validateValue(
                                        "update", JSON.readTree(update), List.of("Update")))
                        .isEmpty();
            }
            telegram.assertNoViolations();
        }
    }

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode node = JSON.readTree(r.body());
        assertThat(node.path("ok").asBoolean()).as(r.body()).isTrue();
        return node;
    }
}
