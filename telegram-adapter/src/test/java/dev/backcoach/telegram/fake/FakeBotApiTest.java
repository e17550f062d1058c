package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The fake, driven by the real telegrambots 10.2.0 client wherever the client can send the request:
 * the basics (getMe, message ids, token and method checks, waiting for calls, update JSON). The
 * other behaviours have FakeBotApi*Test classes of their own.
 */
class FakeBotApiTest extends FakeBotApiFixture {

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

    @Test
    void wrongTokenAndUnknownMethodAreViolations() throws Exception {
        OkHttpTelegramClient stranger =
                new OkHttpTelegramClient(okHttp, "999:WRONG", url(telegram));
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

    @Test
    void updateJsonBuildersFeedWebhookTests() {
        String json = telegram.callbackUpdateJson(USER, USER, 3, "q:y");

        assertThat(json).contains("\"callback_query\"", "\"data\":\"q:y\"");
        assertThat(telegram.pendingUpdates()).isZero();
        assertThat(telegram.unansweredCallbacks()).hasSize(1);
        assertThat(telegram.privateTextUpdateJson(USER, "hi")).contains("\"update_id\":2");
    }

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
