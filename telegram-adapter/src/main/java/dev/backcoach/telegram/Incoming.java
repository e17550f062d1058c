package dev.backcoach.telegram;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import java.util.List;
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
 * @param buttonMessageId the message that carried the pressed button, edited for "next step"
 *     replies
 */
record Incoming(
        Inbound inbound,
        long chatId,
        @Nullable String callbackQueryId,
        @Nullable Integer buttonMessageId) {

    /** Empty for updates the bot does not serve (edits, channel posts, commands for other bots). */
    static Optional<Incoming> from(Update update, String botUsername) {
        long updateId = update.getUpdateId();
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getMessage() == null) {
                return Optional.empty(); // inline-mode messages: the bot offers no inline mode
            }
            if (query.getId() == null
                    || query.getFrom() == null
                    || query.getFrom().getId() == null
                    || query.getMessage().getChat() == null
                    || query.getMessage().getChat().getId() == null
                    || query.getMessage().getMessageId() == null) {
                return Optional.empty(); // not a press Telegram sends: nobody to answer
            }
            return Optional.of(
                    press(
                                    updateId,
                                    query.getId(),
                                    query.getFrom().getId(),
                                    query.getMessage().getChatId(),
                                    query.getMessage().getChat().isUserChat(),
                                    query.getMessage().getMessageId(),
                                    query.getData())
                            .inLanguage(query.getFrom().getLanguageCode()));
        }
        if (!update.hasMessage()
                || update.getMessage().getFrom() == null
                || update.getMessage().getFrom().getId() == null
                || update.getMessage().getChat() == null
                || update.getMessage().getChat().getId() == null) {
            return Optional.empty(); // edits, channel posts, and messages without a sender or chat
        }
        Message message = update.getMessage();
        int command = message.getText() == null ? 0 : leadingCommand(entities(message));
        return message(
                        updateId,
                        message.getFrom().getId(),
                        message.getChatId(),
                        message.getChat().isUserChat(),
                        message.getText(),
                        command,
                        botUsername)
                .map(in -> in.inLanguage(message.getFrom().getLanguageCode()));
    }

    /**
     * The same update with the sender's {@code language_code} ("es", "pt-br", or none): the engine
     * speaks it unless the user chose a language.
     */
    Incoming inLanguage(@Nullable String languageCode) {
        String code = languageCode == null ? "" : languageCode;
        Inbound in = inbound;
        if (in instanceof Inbound.Text t) {
            in = new Inbound.Text(t.user(), t.chat(), t.eventId(), t.text(), code);
        } else if (in instanceof Inbound.Command c) {
            in = new Inbound.Command(c.user(), c.chat(), c.eventId(), c.name(), c.argument(), code);
        } else if (in instanceof Inbound.Choice c) {
            in = new Inbound.Choice(c.user(), c.chat(), c.eventId(), c.data(), code);
        }
        return new Incoming(in, chatId, callbackQueryId, buttonMessageId);
    }

    /** A button press. */
    static Incoming press(
            long updateId,
            String queryId,
            long fromId,
            long chatId,
            boolean userChat,
            int messageId,
            @Nullable String data) {
        ChatRef chat = new ChatRef(Long.toString(chatId), userChat);
        return new Incoming(
                new Inbound.Choice(user(fromId), chat, "tg-" + updateId, data == null ? "" : data),
                chatId,
                queryId,
                messageId);
    }

    /**
     * A message; {@code commandLength} is the length of a {@code bot_command} entity at offset 0
     * (0: none). Stickers, photos and the like have no text and read as empty text.
     */
    static Optional<Incoming> message(
            long updateId,
            long fromId,
            long chatId,
            boolean userChat,
            @Nullable String text,
            int commandLength,
            String botUsername) {
        String eventId = "tg-" + updateId;
        UserKey user = user(fromId);
        ChatRef chat = new ChatRef(Long.toString(chatId), userChat);
        String body = text == null ? "" : text;
        if (commandLength <= 1 || commandLength > body.length()) {
            return Optional.of(
                    new Incoming(new Inbound.Text(user, chat, eventId, body), chatId, null, null));
        }
        String name = body.substring(1, commandLength);
        int at = name.indexOf('@');
        if (at >= 0) {
            if (!name.substring(at + 1).equalsIgnoreCase(botUsername)) {
                return Optional.empty(); // "/help@otherbot" in a group is not for us
            }
            name = name.substring(0, at);
        }
        String argument = body.substring(commandLength).strip();
        return Optional.of(
                new Incoming(
                        new Inbound.Command(
                                user, chat, eventId, name.toLowerCase(Locale.ROOT), argument),
                        chatId,
                        null,
                        null));
    }

    /**
     * Parsed from the entities ourselves: in 10.2.0 Message#isCommand is false until getEntities()
     * ran.
     */
    /**
     * The message's entities, or none when one lies outside the text: the library computes each
     * entity's text as it hands them out and throws for such an entity, which lost the update.
     */
    private static @Nullable List<MessageEntity> entities(Message message) {
        try {
            return message.getEntities();
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int leadingCommand(@Nullable List<MessageEntity> entities) {
        if (entities == null) {
            return 0;
        }
        return entities.stream()
                .filter(
                        e ->
                                "bot_command".equals(e.getType())
                                        && e.getOffset() == 0
                                        && e.getLength() > 1)
                .mapToInt(MessageEntity::getLength)
                .findFirst()
                .orElse(0);
    }

    private static UserKey user(long telegramUserId) {
        return new UserKey(Platform.TELEGRAM, Long.toString(telegramUserId));
    }
}
