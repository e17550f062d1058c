package dev.backcoach.core.model;

import java.util.Locale;

/**
 * One thing that happened to a user, already translated from the platform's event. {@code eventId}
 * is the platform's id for it, used to recognise re-deliveries.
 */
public sealed interface Inbound {
    UserKey user();

    ChatRef chat();

    String eventId();

    /**
     * The language the platform reports for the user (Telegram's {@code language_code}, Discord's
     * locale: "es-419", "pt-BR"); empty when it says none. Only a hint: the user's own choice wins.
     */
    default String locale() {
        return "";
    }

    /**
     * A slash command such as {@code /routine evening}; {@code name} is lower case without the
     * slash.
     */
    record Command(
            UserKey user,
            ChatRef chat,
            String eventId,
            String name,
            String argument,
            @Override String locale)
            implements Inbound {
        public Command {
            name = name.toLowerCase(Locale.ROOT);
            argument = argument == null ? "" : argument.strip();
            locale = locale == null ? "" : locale;
        }

        public Command(UserKey user, ChatRef chat, String eventId, String name, String argument) {
            this(user, chat, eventId, name, argument, "");
        }
    }

    /** Free text typed by the user. */
    record Text(UserKey user, ChatRef chat, String eventId, String text, @Override String locale)
            implements Inbound {
        public Text {
            locale = locale == null ? "" : locale;
        }

        public Text(UserKey user, ChatRef chat, String eventId, String text) {
            this(user, chat, eventId, text, "");
        }
    }

    /** A button press carrying the button's data exactly as the engine issued it. */
    record Choice(UserKey user, ChatRef chat, String eventId, String data, @Override String locale)
            implements Inbound {
        public Choice {
            locale = locale == null ? "" : locale;
        }

        public Choice(UserKey user, ChatRef chat, String eventId, String data) {
            this(user, chat, eventId, data, "");
        }
    }

    /** A step timer the engine asked for has run out. */
    record TimerFired(UserKey user, ChatRef chat, String eventId, int token) implements Inbound {}

    /**
     * The user's evening reminder is due at {@code dueAt}; {@code snoozed} when it is the one the
     * user put off for an hour.
     */
    record NudgeDue(
            UserKey user, ChatRef chat, String eventId, java.time.Instant dueAt, boolean snoozed)
            implements Inbound {}

    /**
     * The user's weekly summary is due at {@code dueAt} (with the evening reminder of their summary
     * day): sent only where a reminder would be.
     */
    record WeeklySummaryDue(UserKey user, ChatRef chat, String eventId, java.time.Instant dueAt)
            implements Inbound {}
}
