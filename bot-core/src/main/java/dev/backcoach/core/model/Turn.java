package dev.backcoach.core.model;

import java.util.List;

/** What one inbound event produced: the user's next session, the replies and the effects. */
public record Turn(Session session, List<Reply> replies, List<Effect> effects) {
    public Turn {
        replies = List.copyOf(replies);
        effects = List.copyOf(effects);
    }
}
