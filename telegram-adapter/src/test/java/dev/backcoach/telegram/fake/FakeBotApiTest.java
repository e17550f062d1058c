package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The fake, driven by the real telegrambots 10.2.0 client wherever the client can send the request.
 */
class FakeBotApiTest {

    private static final String TOKEN = "123456:TEST-token_x";
    private static final long USER = 4242;
    private static final OkHttpClient OK_HTTP =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
    private static final HttpClient RAW = HttpClient.newHttpClient();

    private FakeBotApi telegram;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN);
        client = new OkHttpTelegramClient(OK_HTTP, TOKEN, url(telegram));
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @AfterAll
    static void shutdownOkHttp() {
        OK_HTTP.dispatcher().executorService().shutdown();
        OK_HTTP.connectionPool().evictAll();
    }

    static TelegramUrl url(FakeBotApi fake) {
        return TelegramUrl.builder()
                .schema("http")
                .host("127.0.0.1")
                .port(fake.port())
                .testServer(false)
                .build();
    }

    private static InlineKeyboardMarkup keyboard(InlineKeyboardButton... buttons) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(buttons)).build();
    }

    private static InlineKeyboardButton data(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }

    private HttpResponse<String> postJson(String method, String body) throws Exception {
        return RAW.send(
                HttpRequest.newBuilder(
                                URI.create(telegram.baseUrl() + "/bot" + TOKEN + "/" + method))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private TelegramApiRequestException rejected(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(TelegramApiRequestException.class, call);
    }

    // --- basics
    // ------------------------------------------------------------------------------------------------------

    @Test
    void getMeDescribesTheTestBot() throws Exception {
        User me = client.execute(GetMe.builder().build());

        assertThat(me.getId()).isEqualTo(777000111L);
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getFirstName()).isEqualTo("BackCoach");
        assertThat(me.getUserName()).isEqualTo("backcoach_test_bot");
        assertThat(me.getCanJoinGroups()).isTrue();
        assertThat(me.getCanReadAllGroupMessages()).isFalse();
        assertThat(me.getSupportInlineQueries()).isFalse();
        assertThat(telegram.calls("getMe")).hasSize(1);
        telegram.assertNoViolations();
    }

    @Test
    void validHtmlMessageWithInlineKeyboardPassesWithoutViolation() throws Exception {
        InlineKeyboardMarkup markup =
                InlineKeyboardMarkup.builder()
                        .keyboardRow(
                                new InlineKeyboardRow(data("Yes", "s:1:y"), data("No", "s:1:n")))
                        .keyboardRow(
                                new InlineKeyboardRow(
                                        InlineKeyboardButton.builder()
                                                .text("Read more")
                                                .url("https://example.org/back")
                                                .build()))
                        .build();

        Message sent =
                client.execute(
                        SendMessage.builder()
                                .chatId(USER)
                                .text(
                                        "<b>Back pain?</b> Rate it 0&lt;x&lt;10 &amp; tell me.\n<i>Private</i> <a href=\"https://example.org\">"
                                                + "info</a> <pre><code class=\"language-text\">x</code></pre>")
                                .parseMode("HTML")
                                .replyMarkup(markup)
                                .build());

        assertThat(sent.getMessageId()).isEqualTo(1);
        assertThat(sent.getText())
                .isEqualTo("Back pain? Rate it 0<x<10 & tell me.\nPrivate info x");
        assertThat(sent.getEntities())
                .extracting(e -> e.getType())
                .containsExactly("bold", "italic", "text_link", "pre");
        assertThat(sent.getReplyMarkup().getKeyboard()).hasSize(2);

        SentMessage seen = telegram.lastIn(USER);
        assertThat(seen.parseMode()).isEqualTo("HTML");
        assertThat(seen.plainText()).startsWith("Back pain? Rate it 0<x<10");
        assertThat(seen.buttonLabels()).containsExactly("Yes", "No", "Read more");
        assertThat(seen.button("Yes").callbackData()).isEqualTo("s:1:y");
        assertThat(seen.button("Read").url()).isEqualTo("https://example.org/back");

        FakeBotApi.Call call = telegram.calls("sendMessage").get(0);
        assertThat(call.params().get("chat_id")).isEqualTo(String.valueOf(USER));
        assertThat(call.params().get("reply_markup")).isInstanceOf(Map.class);
        telegram.assertNoViolations();
    }

    @Test
    void messageIdsIncreasePerChatAndIncludeTheUsersMessages() throws Exception {
        telegram.privateText(USER, "hello");
        Message first = client.execute(SendMessage.builder().chatId(USER).text("one").build());
        Message second = client.execute(SendMessage.builder().chatId(USER).text("two").build());
        Message other =
                client.execute(SendMessage.builder().chatId(USER + 1).text("elsewhere").build());

        assertThat(first.getMessageId()).isEqualTo(2);
        assertThat(second.getMessageId()).isEqualTo(3);
        assertThat(other.getMessageId()).isEqualTo(1);
        assertThat(telegram.chat(USER))
                .extracting(SentMessage::plainText)
                .containsExactly("one", "two");
        telegram.assertNoViolations();
    }

    // --- violations
    // --------------------------------------------------------------------------------------------------

    @Test
    void unescapedLessThanInHtmlIsRejectedLikeTelegram() {
        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        SendMessage.builder()
                                                .chatId(USER)
                                                .text("Pain < 3 is mild")
                                                .parseMode("HTML")
                                                .build()));

        assertThat(e.getErrorCode()).isEqualTo(400);
        assertThat(e.getApiResponse())
                .startsWith("Bad Request: can't parse entities: Unsupported start tag");
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("sendMessage", "text", "parse_mode=HTML");
        assertThat(telegram.chat(USER)).isEmpty();
    }

    @Test
    void bareAmpersandAndUnknownEntityAreViolationsToo() {
        rejected(
                () ->
                        client.execute(
                                SendMessage.builder()
                                        .chatId(USER)
                                        .text("Stretch & breathe")
                                        .parseMode("HTML")
                                        .build()));
        rejected(
                () ->
                        client.execute(
                                SendMessage.builder()
                                        .chatId(USER)
                                        .text("Stretch&nbsp;now")
                                        .parseMode("HTML")
                                        .build()));
        rejected(
                () ->
                        client.execute(
                                SendMessage.builder()
                                        .chatId(USER)
                                        .text("<b>bold <i>both</b></i>")
                                        .parseMode("HTML")
                                        .build()));

        assertThat(telegram.violations()).hasSize(3);
        assertThat(telegram.violations().get(2)).contains("Unmatched end tag");
    }

    @Test
    void callbackDataOver64BytesIsRejected() {
        String data = "é".repeat(32) + "x"; // 33 characters, 65 UTF-8 bytes
        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        SendMessage.builder()
                                                .chatId(USER)
                                                .text("Pick")
                                                .replyMarkup(keyboard(data("Ok", data)))
                                                .build()));

        assertThat(e.getErrorCode()).isEqualTo(400);
        assertThat(e.getApiResponse()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("reply_markup.inline_keyboard[0][0].callback_data", "65 bytes");
    }

    @Test
    void textLimitIsCountedAfterEntityParsingInUtf16() throws Exception {
        telegram.limits(30, 10, 20);
        client.execute(SendMessage.builder().chatId(USER).text("a".repeat(4096)).build());
        client.execute(
                SendMessage.builder()
                        .chatId(USER)
                        .text("<b>" + "a".repeat(4096) + "</b>")
                        .parseMode("HTML")
                        .build());
        telegram.assertNoViolations();

        TelegramApiRequestException tooLong =
                rejected(
                        () ->
                                client.execute(
                                        SendMessage.builder()
                                                .chatId(USER)
                                                .text("a".repeat(4097))
                                                .build()));
        assertThat(tooLong.getApiResponse()).isEqualTo("Bad Request: message is too long");
        // 2048 emoji are 4096 UTF-16 code units; one more letter is too many.
        rejected(
                () ->
                        client.execute(
                                SendMessage.builder()
                                        .chatId(USER)
                                        .text("😀".repeat(2048) + "a")
                                        .build()));

        assertThat(telegram.violations())
                .hasSize(2)
                .allMatch(v -> v.contains("sendMessage: text: 4097 characters"));
    }

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

    @Test
    void wrongTokenAndUnknownMethodAreViolations() throws Exception {
        OkHttpTelegramClient stranger =
                new OkHttpTelegramClient(OK_HTTP, "999:WRONG", url(telegram));
        TelegramApiRequestException e = rejected(() -> stranger.execute(GetMe.builder().build()));
        HttpResponse<String> unknown = postJson("sendTelepathy", "{}");

        assertThat(e.getErrorCode()).isEqualTo(401);
        assertThat(e.getApiResponse()).isEqualTo("Unauthorized");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Not Found: method not found");
        assertThat(telegram.violations()).hasSize(2);
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void assertNoViolationsListsThemAll() throws Exception {
        postJson("sendMessage", "{\"text\":\"hi\"}");
        postJson("sendMessage", "{\"chat_id\":1,\"text\":\"\"}");

        assertThatThrownBy(telegram::assertNoViolations)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 violation(s)")
                .hasMessageContaining("chat_id")
                .hasMessageContaining("text");
    }

    // --- long polling
    // ------------------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings(
            "try") // the library's close() may throw InterruptedException; the test passes it on
    void realLongPollerReceivesQueuedUpdatesAndConfirmsThem() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        try (TelegramBotsLongPollingApplication app =
                new TelegramBotsLongPollingApplication(
                        com.fasterxml.jackson.databind.ObjectMapper::new,
                        () -> OK_HTTP,
                        () ->
                                Executors.newSingleThreadScheduledExecutor(
                                        r -> {
                                            Thread t = new Thread(r, "test-poller");
                                            t.setDaemon(true);
                                            return t;
                                        }))) {
            int first = telegram.privateText(USER, "/start payload-7");
            app.registerBot(
                    TOKEN,
                    () -> url(telegram),
                    new DefaultGetUpdatesGenerator(),
                    updates -> received.addAll(updates));

            Update start = received.poll(10, TimeUnit.SECONDS);
            assertThat(start).isNotNull();
            assertThat(start.getUpdateId()).isEqualTo(first);
            assertThat(start.getMessage().getText()).isEqualTo("/start payload-7");
            assertThat(start.getMessage().getChat().getType()).isEqualTo("private");
            assertThat(start.getMessage().getEntities())
                    .singleElement()
                    .satisfies(
                            entity -> {
                                assertThat(entity.getType()).isEqualTo("bot_command");
                                assertThat(entity.getOffset()).isZero();
                                assertThat(entity.getLength()).isEqualTo(6);
                            });

            // A new update while the poller waits arrives at once, and the next poll confirms it.
            int second = telegram.groupText(-100200, USER, "hello group");
            Update hello = received.poll(10, TimeUnit.SECONDS);
            assertThat(hello.getUpdateId()).isEqualTo(second);
            assertThat(hello.getMessage().getChat().getType()).isEqualTo("group");
            telegram.awaitCall(
                    "getUpdates",
                    c -> Long.valueOf(second + 1).equals(c.params().get("offset")),
                    Duration.ofSeconds(10));
            assertThat(telegram.pendingUpdates()).isZero();
            assertThat(telegram.calls("deleteWebhook")).hasSize(1);
        }
        telegram.assertNoViolations();
    }

    @Test
    void getUpdatesHonoursOffsetAndLimit() throws Exception {
        int a = telegram.privateText(USER, "a");
        int b = telegram.privateText(USER, "b");
        int c = telegram.privateText(USER, "c");

        List<Update> firstTwo = client.execute(GetUpdates.builder().limit(2).build());
        assertThat(firstTwo).extracting(Update::getUpdateId).containsExactly(a, b);
        List<Update> again = client.execute(GetUpdates.builder().build());
        assertThat(again).extracting(Update::getUpdateId).containsExactly(a, b, c);
        List<Update> afterB = client.execute(GetUpdates.builder().offset(b + 1).build());
        assertThat(afterB).extracting(Update::getUpdateId).containsExactly(c);
        assertThat(telegram.pendingUpdates()).isEqualTo(1);
        telegram.assertNoViolations();
    }

    @Test
    void getUpdatesWaitsForTheNextUpdate() throws Exception {
        CompletableFuture<ArrayList<Update>> poll =
                client.executeAsync(GetUpdates.builder().offset(1).timeout(10).build());
        telegram.awaitCall("getUpdates", call -> true, Duration.ofSeconds(5));
        assertThat(poll).isNotDone();

        long before = System.nanoTime();
        int id = telegram.privateText(USER, "now");
        List<Update> updates = poll.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        assertThat(updates).extracting(Update::getUpdateId).containsExactly(id);
        telegram.assertNoViolations();
    }

    @Test
    void getUpdatesTimesOutWithAnEmptyList() throws Exception {
        long before = System.nanoTime();
        List<Update> updates = client.execute(GetUpdates.builder().offset(1).timeout(1).build());
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(updates).isEmpty();
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(client.execute(GetUpdates.builder().build())).isEmpty();
        telegram.assertNoViolations();
    }

    @Test
    void secondConcurrentLongPollIsAConflict() throws Exception {
        CompletableFuture<ArrayList<Update>> first =
                client.executeAsync(GetUpdates.builder().timeout(10).build());
        telegram.awaitCall("getUpdates", call -> true, Duration.ofSeconds(5));
        CompletableFuture<ArrayList<Update>> second =
                client.executeAsync(GetUpdates.builder().timeout(1).build());

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TelegramApiRequestException.class)
                .cause()
                .satisfies(
                        e ->
                                assertThat(((TelegramApiRequestException) e).getErrorCode())
                                        .isEqualTo(409));
        assertThat(second.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(telegram.violations()).singleElement().asString().contains("getUpdates", "409");
    }

    @Test
    void closeEndsAPendingLongPollQuickly() throws Exception {
        CompletableFuture<ArrayList<Update>> poll =
                client.executeAsync(GetUpdates.builder().timeout(30).build());
        telegram.awaitCall("getUpdates", call -> true, Duration.ofSeconds(5));

        long before = System.nanoTime();
        telegram.close();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        try {
            assertThat(poll.get(5, TimeUnit.SECONDS)).isEmpty();
        } catch (java.util.concurrent.ExecutionException e) {
            // The connection may be cut before the empty answer is written; either way the poll is
            // over.
        }
    }

    // --- callbacks
    // ---------------------------------------------------------------------------------------------------

    @Test
    void callbackQueriesCarryTheMessageAndMustBeAnswered() throws Exception {
        Message question =
                client.execute(
                        SendMessage.builder()
                                .chatId(USER)
                                .text("Pain today?")
                                .replyMarkup(keyboard(data("Yes", "q1:y"), data("No", "q1:n")))
                                .build());

        int updateId = telegram.callback(USER, USER, question.getMessageId(), "q1:y");
        Update update = client.execute(GetUpdates.builder().build()).get(0);

        assertThat(update.getUpdateId()).isEqualTo(updateId);
        assertThat(update.getCallbackQuery().getData()).isEqualTo("q1:y");
        assertThat(update.getCallbackQuery().getFrom().getId()).isEqualTo(USER);
        Message attached = (Message) update.getCallbackQuery().getMessage();
        assertThat(attached.getMessageId()).isEqualTo(question.getMessageId());
        assertThat(attached.getReplyMarkup().getKeyboard().get(0)).hasSize(2);
        String id = update.getCallbackQuery().getId();
        assertThat(telegram.unansweredCallbacks()).containsExactly(id);

        assertThat(
                        client.execute(
                                AnswerCallbackQuery.builder()
                                        .callbackQueryId(id)
                                        .text("Noted")
                                        .build()))
                .isTrue();
        assertThat(telegram.unansweredCallbacks()).isEmpty();
        telegram.assertNoViolations();

        TelegramApiRequestException twice =
                rejected(
                        () ->
                                client.execute(
                                        AnswerCallbackQuery.builder().callbackQueryId(id).build()));
        assertThat(twice.getApiResponse()).contains("query is too old");
        telegram.assertNoViolations();

        rejected(
                () ->
                        client.execute(
                                AnswerCallbackQuery.builder().callbackQueryId("made-up").build()));
        assertThat(telegram.violations()).singleElement().asString().contains("never delivered");
    }

    @Test
    void answerTextOver200CharactersIsRejected() {
        telegram.callback(USER, USER, 1, "x");
        String issued = telegram.unansweredCallbacks().iterator().next();

        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        AnswerCallbackQuery.builder()
                                                .callbackQueryId(issued)
                                                .text("x".repeat(201))
                                                .build()));

        assertThat(e.getApiResponse()).isEqualTo("Bad Request: MESSAGE_TOO_LONG");
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("answerCallbackQuery: text: 201");
    }

    // --- edits
    // -------------------------------------------------------------------------------------------------------

    @Test
    void editsShowInTheChat() throws Exception {
        telegram.limits(
                30, 10, 20); // five edits of one message within a second are a burst on Telegram
        Message sent =
                client.execute(
                        SendMessage.builder()
                                .chatId(USER)
                                .text("Step 1 of 3")
                                .replyMarkup(keyboard(data("Next", "g:1"), data("Stop", "g:x")))
                                .build());

        client.execute(
                EditMessageText.builder()
                        .chatId(USER)
                        .messageId(sent.getMessageId())
                        .text("<b>Step 2</b> of 3")
                        .parseMode("HTML")
                        .replyMarkup(keyboard(data("Next", "g:2"), data("Stop", "g:x")))
                        .build());

        SentMessage now = telegram.lastIn(USER);
        assertThat(telegram.chat(USER)).hasSize(1);
        assertThat(now.plainText()).isEqualTo("Step 2 of 3");
        assertThat(now.edits()).isEqualTo(1);
        assertThat(now.button("Next").callbackData()).isEqualTo("g:2");

        // Without reply_markup an edit removes the keyboard, as on Telegram.
        client.execute(
                EditMessageText.builder()
                        .chatId(USER)
                        .messageId(sent.getMessageId())
                        .text("Done")
                        .build());
        assertThat(telegram.lastIn(USER).hasKeyboard()).isFalse();

        TelegramApiRequestException same =
                rejected(
                        () ->
                                client.execute(
                                        EditMessageText.builder()
                                                .chatId(USER)
                                                .messageId(sent.getMessageId())
                                                .text("Done")
                                                .build()));
        assertThat(same.getApiResponse()).startsWith("Bad Request: message is not modified");

        TelegramApiRequestException missing =
                rejected(
                        () ->
                                client.execute(
                                        EditMessageReplyMarkup.builder()
                                                .chatId(USER)
                                                .messageId(99)
                                                .replyMarkup(keyboard(data("A", "a")))
                                                .build()));
        assertThat(missing.getApiResponse()).isEqualTo("Bad Request: message to edit not found");

        client.execute(
                EditMessageReplyMarkup.builder()
                        .chatId(USER)
                        .messageId(sent.getMessageId())
                        .replyMarkup(keyboard(data("Again", "g:0")))
                        .build());
        assertThat(telegram.lastIn(USER).buttonLabels()).containsExactly("Again");
        assertThat(telegram.lastIn(USER).edits()).isEqualTo(3);
        telegram.assertNoViolations();
    }

    // --- faults
    // ------------------------------------------------------------------------------------------------------

    @Test
    void failNextGivesTheClientTelegramsErrorWithRetryAfter() throws Exception {
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 7", 7);

        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        SendMessage.builder().chatId(USER).text("hi").build()));

        assertThat(e.getErrorCode()).isEqualTo(429);
        assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
        assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 7");
        assertThat(client.execute(SendMessage.builder().chatId(USER).text("hi").build()).getText())
                .isEqualTo("hi");
        assertThat(telegram.chat(USER)).hasSize(1);
        telegram.assertNoViolations();
    }

    @Test
    void blockedChatAnswers403() throws Exception {
        telegram.blockChat(USER);

        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        SendMessage.builder().chatId(USER).text("hi").build()));

        assertThat(e.getErrorCode()).isEqualTo(403);
        assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(client.execute(SendMessage.builder().chatId(USER + 1).text("hi").build()))
                .isNotNull();
        telegram.unblockChat(USER);
        assertThat(client.execute(SendMessage.builder().chatId(USER).text("hi").build()))
                .isNotNull();
        telegram.assertNoViolations();
    }

    @Test
    void rateWatchFlagsABurstOf40Messages() throws Exception {
        List<CompletableFuture<Message>> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sends.add(
                    client.executeAsync(
                            SendMessage.builder().chatId(1000L + i).text("Reminder " + i).build()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("rate limit", "within 1 s", "limit 30/s per bot");
    }

    @Test
    void rateWatchFlagsBurstsToOneChatAndToGroups() throws Exception {
        List<CompletableFuture<Message>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(
                    client.executeAsync(
                            SendMessage.builder().chatId(USER).text("Spam " + i).build()));
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(telegram.violations()).singleElement().asString().contains("to chat " + USER);
        telegram.clearViolations();

        telegram.limits(1000, 1000, 20);
        for (int i = 0; i < 21; i++) {
            client.execute(SendMessage.builder().chatId(-500L).text("Group " + i).build());
        }
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("group -500", "limit 20/min");
    }

    @Test
    void slowdownDelaysAnswers() throws Exception {
        telegram.slowdown(Duration.ofMillis(300));
        long before = System.nanoTime();
        client.execute(GetMe.builder().build());
        assertThat(Duration.ofNanos(System.nanoTime() - before))
                .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    // --- multipart
    // ---------------------------------------------------------------------------------------------------

    @Test
    void sendDocumentAndPhotoAsMultipart() throws Exception {
        Message doc =
                client.execute(
                        SendDocument.builder()
                                .chatId(USER)
                                .document(
                                        new InputFile(
                                                new ByteArrayInputStream(
                                                        "{\"a\":1}"
                                                                .getBytes(StandardCharsets.UTF_8)),
                                                "export.json"))
                                .caption("Your <b>data</b>")
                                .parseMode("HTML")
                                .replyMarkup(keyboard(data("Thanks", "t")))
                                .build());
        Message photo =
                client.execute(
                        SendPhoto.builder()
                                .chatId(USER)
                                .photo(new InputFile("AgACAgIAAxkBAAIB"))
                                .build());

        assertThat(doc.getDocument().getFileName()).isEqualTo("export.json");
        assertThat(doc.getCaption()).isEqualTo("Your data");
        assertThat(photo.getPhoto())
                .singleElement()
                .satisfies(p -> assertThat(p.getFileId()).isEqualTo("AgACAgIAAxkBAAIB"));

        List<SentMessage> chat = telegram.chat(USER);
        assertThat(chat).extracting(SentMessage::kind).containsExactly("document", "photo");
        assertThat(chat.get(0).fileName()).isEqualTo("export.json");
        assertThat(chat.get(0).buttonLabels()).containsExactly("Thanks");

        FakeBotApi.Call call = telegram.calls("sendDocument").get(0);
        assertThat(call.params().get("document"))
                .isInstanceOfSatisfying(
                        FakeBotApi.UploadedFile.class,
                        f -> assertThat(f.text()).isEqualTo("{\"a\":1}"));
        assertThat(call.params().get("reply_markup")).isInstanceOf(Map.class);
        assertThat(call.param("chat_id")).isEqualTo(String.valueOf(USER));
        telegram.assertNoViolations();
    }

    @Test
    void webhookIsRememberedAndBlocksPolling() throws Exception {
        client.execute(
                SetWebhook.builder()
                        .url("https://bot.example.org/telegram")
                        .secretToken("s3cret_-X")
                        .build());

        assertThat(telegram.webhook())
                .hasValueSatisfying(
                        w -> {
                            assertThat(w.get("url")).isEqualTo("https://bot.example.org/telegram");
                            assertThat(w.get("secret_token")).isEqualTo("s3cret_-X");
                        });
        WebhookInfo info = client.execute(GetWebhookInfo.builder().build());
        assertThat(info.getUrl()).isEqualTo("https://bot.example.org/telegram");
        telegram.assertNoViolations();

        TelegramApiRequestException conflict =
                rejected(() -> client.execute(GetUpdates.builder().build()));
        assertThat(conflict.getErrorCode()).isEqualTo(409);
        telegram.clearViolations();

        assertThat(client.execute(DeleteWebhook.builder().build())).isTrue();
        assertThat(telegram.webhook()).isEmpty();

        rejected(
                () ->
                        client.execute(
                                SetWebhook.builder()
                                        .url("http://127.0.0.1:9999/telegram")
                                        .build()));
        assertThat(telegram.violations()).singleElement().asString().contains("HTTPS");
    }

    @Test
    void updateJsonBuildersFeedWebhookTests() {
        String json = telegram.callbackUpdateJson(USER, USER, 3, "q:y");

        assertThat(json).contains("\"callback_query\"", "\"data\":\"q:y\"");
        assertThat(telegram.pendingUpdates()).isZero();
        assertThat(telegram.unansweredCallbacks()).hasSize(1);
        assertThat(telegram.privateTextUpdateJson(USER, "hi")).contains("\"update_id\":2");
    }

    // --- waiting
    // -----------------------------------------------------------------------------------------------------

    @Test
    void awaitCallWaitsWithoutPollingAndFailsClearly() throws Exception {
        CompletableFuture.runAsync(
                () -> {
                    try {
                        client.execute(SendMessage.builder().chatId(USER).text("later").build());
                    } catch (TelegramApiException e) {
                        throw new IllegalStateException(e);
                    }
                },
                CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS));

        FakeBotApi.Call call =
                telegram.awaitCall(
                        "sendmessage",
                        c -> "later".equals(c.params().get("text")),
                        Duration.ofSeconds(5));
        assertThat(call.method()).isEqualTo("sendMessage");
        assertThat(
                        telegram.awaitMessage(
                                        USER,
                                        m -> m.plainText().equals("later"),
                                        Duration.ofSeconds(1))
                                .messageId())
                .isEqualTo(1);

        assertThatThrownBy(
                        () -> telegram.awaitCall("sendMessage", c -> false, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No matching sendMessage call");
    }
}
