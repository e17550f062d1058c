package dev.backcoach.core.service;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import java.util.List;

/**
 * What one turn commits. {@code eventId} is empty for internal events that are never re-delivered
 * (timers fired in-process); otherwise the replies are kept so a re-delivery replays them.
 */
public record TurnRecord(
        Session session,
        long expectedVersion,
        String eventId,
        List<Reply> replies,
        List<Effect> effects) {
    public TurnRecord {
        replies = List.copyOf(replies);
        effects = List.copyOf(effects);
    }
}
