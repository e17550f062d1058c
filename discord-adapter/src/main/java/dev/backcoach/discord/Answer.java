package dev.backcoach.discord;

import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one interaction's messages go out. The first answers the interaction: a click edits the
 * message it was on (callback type 7, or an edit of @original after {@code deferEdit}), a command
 * gets a new message (type 4, or an edit of the deferred @original). The rest follow in order as
 * follow-up messages. A note about an outdated button is always a new ephemeral message.
 */
record Answer(
        IReplyCallback event,
        @Nullable ButtonInteractionEvent button,
        boolean ephemeral,
        boolean deferred,
        boolean staleNote) {
    private static final Logger log = LoggerFactory.getLogger(Answer.class);

    void send(List<MessageCreateData> messages) {
        MessageCreateData first = messages.get(0);
        boolean editInPlace = button != null && !staleNote;
        boolean hidden = ephemeral || staleNote;
        RestAction<?> chain;
        if (!deferred) {
            chain =
                    editInPlace
                            ? Objects.requireNonNull(button)
                                    .editMessage(MessageEditData.fromCreateData(first))
                            : event.reply(first).setEphemeral(hidden);
        } else if (editInPlace || button == null) {
            chain = event.getHook().editOriginal(MessageEditData.fromCreateData(first));
        } else {
            chain = event.getHook().sendMessage(first).setEphemeral(hidden);
        }
        for (MessageCreateData next : messages.subList(1, messages.size())) {
            chain = chain.flatMap(done -> event.getHook().sendMessage(next).setEphemeral(hidden));
        }
        chain.queue(
                null,
                failure ->
                        log.warn(
                                "Discord interaction {} lost: answer not delivered: {}",
                                event.getId(),
                                failure.toString()));
    }
}
