package dev.backcoach.telegram;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * One Telegram update, translated: the core's {@link Inbound} plus what the reply needs to know on
 * Telegram's side (which callback to answer, which message a button was on).
 *
 * @param callbackQueryId set for a button press: it must be answered
 * @param buttonMessageId the message that carried the pressed button, edited for "next step" replies
 */
record Incoming(Inbound inbound, long chatId, @Nullable String callbackQueryId, @Nullable Integer buttonMessageId) {

    /** Empty for updates the bot does not serve (edits, channel posts, commands for other bots). */
    static Optional<Incoming> from(Update update, String botUsername) {
        String eventId = "tg-" + update.getUpdateId();
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getMessage() == null) {
                return Optional.empty(); // inline-mode messages: the bot offers no inline mode
            }
            long chatId = query.getMessage().getChatId();
            UserKey user = user(query.getFrom().getId());
            ChatRef chat = new ChatRef(Long.toString(chatId), query.getMessage().getChat().isUserChat());
            String data = query.getData() == null ? "" : query.getData();
            return Optional.of(new Incoming(new Inbound.Choice(user, chat, eventId, data), chatId, query.getId(),
                    query.getMessage().getMessageId()));
        }
        if (!update.hasMessage() || update.getMessage().getFrom() == null) {
            return Optional.empty();
        }
        Message message = update.getMessage();
        long chatId = message.getChatId();
        UserKey user = user(message.getFrom().getId());
        ChatRef chat = new ChatRef(Long.toString(chatId), message.getChat().isUserChat());
        String text = message.getText() == null ? "" : message.getText(); // stickers, photos: "empty"
        Optional<MessageEntity> command = leadingCommand(message);
        if (command.isEmpty()) {
            return Optional.of(new Incoming(new Inbound.Text(user, chat, eventId, text), chatId, null, null));
        }
        String name = text.substring(1, command.get().getLength());
        int at = name.indexOf('@');
        if (at >= 0) {
            if (!name.substring(at + 1).equalsIgnoreCase(botUsername)) {
                return Optional.empty(); // "/help@otherbot" in a group is not for us
            }
            name = name.substring(0, at);
        }
        String argument = text.substring(command.get().getLength()).strip();
        return Optional.of(new Incoming(new Inbound.Command(user, chat, eventId, name.toLowerCase(Locale.ROOT),
                argument), chatId, null, null));
    }

    /** Parsed from the entities ourselves: in 10.2.0 Message#isCommand is false until getEntities() ran. */
    private static Optional<MessageEntity> leadingCommand(Message message) {
        if (message.getEntities() == null || message.getText() == null) {
            return Optional.empty();
        }
        return message.getEntities().stream()
                .filter(e -> "bot_command".equals(e.getType()) && e.getOffset() == 0 && e.getLength() > 1)
                .findFirst();
    }

    private static UserKey user(long telegramUserId) {
        return new UserKey(Platform.TELEGRAM, Long.toString(telegramUserId));
    }
}
