package dev.backcoach.telegram;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.progress.ProgressHistory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Replies as Telegram calls within Telegram's limits: HTML text up to 4,096 characters (longer
 * texts continue in further messages, the keyboard on the last), a file with its text as the
 * caption when it fits 1,024, a progress chart as a photo (its text the caption, or before it when
 * longer), inline keyboards whose private-chat buttons are {@code t.me} links. Builds calls only;
 * sending them is the outbox's work.
 */
final class Render {
    private static final String HTML = "HTML";

    /** One call that a reply becomes. */
    sealed interface Call {
        record Message(SendMessage send) implements Call {}

        record File(SendDocument send) implements Call {}

        /**
         * A progress chart still to be drawn: a photo with {@code caption} and the reply's buttons,
         * or, without a picture, {@code caption} and the note as a text message.
         */
        record Chart(ProgressHistory history, String caption, Reply withKeyboard) implements Call {}
    }

    private final String username;

    /**
     * @param username the bot's @username, for links that open a private chat with it
     */
    Render(String username) {
        this.username = username;
    }

    /**
     * Whether {@code reply} fits one text message: then it may be an edit or a webhook response.
     */
    static boolean fitsOneMessage(Reply reply) {
        return reply.document() == null
                && reply.chart() == null
                && reply.text().length() <= Html.MAX_MESSAGE;
    }

    /** The calls of {@code replies}, in order. */
    List<Call> calls(long chatId, List<Reply> replies) {
        List<Call> calls = new ArrayList<>();
        for (Reply reply : replies) {
            ProgressHistory chart = reply.chart();
            if (chart != null) {
                chart(calls, chatId, reply, chart);
                continue;
            }
            if (reply.document() != null && reply.text().length() <= Html.MAX_CAPTION) {
                calls.add(new Call.File(document(chatId, reply)));
                continue;
            }
            List<String> parts = Html.split(reply.text(), Html.MAX_MESSAGE);
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1 && reply.document() == null;
                calls.add(new Call.Message(message(chatId, parts.get(i), last ? reply : null)));
            }
            if (reply.document() != null) {
                calls.add(
                        new Call.File(
                                document(
                                        chatId,
                                        new Reply("", reply.buttons(), false, reply.document()))));
            }
        }
        return calls;
    }

    /**
     * A chart's text is its photo's caption when it fits 1,024 characters; a longer one goes first
     * as messages of its own, and the photo follows with the chart's title as its caption.
     */
    private void chart(List<Call> calls, long chatId, Reply reply, ProgressHistory chart) {
        if (reply.text().length() <= Html.MAX_CAPTION) {
            calls.add(new Call.Chart(chart, reply.text(), reply));
            return;
        }
        for (String part : Html.split(reply.text(), Html.MAX_MESSAGE)) {
            calls.add(new Call.Message(message(chatId, part, null)));
        }
        String title = chart.labels().title();
        calls.add(new Call.Chart(chart, title.length() <= Html.MAX_CAPTION ? title : "", reply));
    }

    /** The drawn chart: a photo with {@code caption} and {@code withKeyboard}'s buttons. */
    SendPhoto photo(long chatId, byte[] png, String caption, Reply withKeyboard) {
        var builder =
                SendPhoto.builder()
                        .chatId(chatId)
                        .photo(new InputFile(new ByteArrayInputStream(png), "progress.png"))
                        .replyMarkup(keyboard(withKeyboard));
        if (!caption.isBlank()) {
            builder.caption(Html.escape(caption)).parseMode(HTML);
        }
        return builder.build();
    }

    /** A text message, with {@code withKeyboard}'s buttons if given. */
    SendMessage message(long chatId, String text, @Nullable Reply withKeyboard) {
        return SendMessage.builder()
                .chatId(chatId)
                .text(Html.escape(text))
                .parseMode(HTML)
                .replyMarkup(withKeyboard == null ? null : keyboard(withKeyboard))
                .build();
    }

    /** The next step in place of the message whose button was pressed. */
    EditMessageText edit(long chatId, int messageId, Reply reply) {
        return EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(Html.escape(reply.text()))
                .parseMode(HTML)
                .replyMarkup(keyboard(reply))
                .build();
    }

    /** A file with the reply's text as the caption, so the two arrive as one message. */
    private SendDocument document(long chatId, Reply reply) {
        var document = java.util.Objects.requireNonNull(reply.document());
        var builder =
                SendDocument.builder()
                        .chatId(chatId)
                        .document(
                                new InputFile(
                                        new ByteArrayInputStream(document.content()),
                                        document.fileName()))
                        .replyMarkup(keyboard(reply));
        if (!reply.text().isBlank()) {
            builder.caption(Html.escape(reply.text())).parseMode(HTML);
        }
        return builder.build();
    }

    private @Nullable InlineKeyboardMarkup keyboard(Reply reply) {
        if (reply.buttons().isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Button> row : reply.buttons()) {
            InlineKeyboardRow keys = new InlineKeyboardRow();
            for (Button button : row) {
                Optional<String> privateChat = button.privateChatPayload();
                keys.add(
                        privateChat.isPresent()
                                ? InlineKeyboardButton.builder()
                                        .text(button.label())
                                        .url(
                                                "https://t.me/"
                                                        + username
                                                        + "?start="
                                                        + privateChat.get())
                                        .build()
                                : InlineKeyboardButton.builder()
                                        .text(button.label())
                                        .callbackData(button.data())
                                        .build());
            }
            rows.add(keys);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
