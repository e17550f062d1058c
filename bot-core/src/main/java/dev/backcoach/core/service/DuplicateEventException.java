package dev.backcoach.core.service;

import dev.backcoach.core.model.Reply;
import java.util.List;

/**
 * The turn's event was committed before (a platform re-delivered it): here are the replies it got
 * then.
 */
public final class DuplicateEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Reply> earlierReplies;

    public DuplicateEventException(String message, List<Reply> earlierReplies) {
        super(message, null, false, false);
        this.earlierReplies = List.copyOf(earlierReplies);
    }

    public List<Reply> earlierReplies() {
        return earlierReplies;
    }
}
