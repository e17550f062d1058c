package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Text the fake rejects as Telegram does: HTML parse mode, callback_data bytes, text length. */
class FakeBotApiFormattingTest extends FakeBotApiFixture {

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
}
