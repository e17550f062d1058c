package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** What the chat shows: callback queries and their answers, edits, documents and photos. */
class FakeBotApiMessagesTest extends FakeBotApiFixture {

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
}
