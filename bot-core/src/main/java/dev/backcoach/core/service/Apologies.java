package dev.backcoach.core.service;

import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a turn answers when it cannot be done: the state stays as it was, and the user hears why.
 */
final class Apologies {
    private static final Logger log = LoggerFactory.getLogger(Apologies.class);

    private final Engine engine;
    private final StoreHealth health;

    Apologies(Engine engine, StoreHealth health) {
        this.engine = engine;
        this.health = health;
    }

    /** The database is away: "I can't save right now", and where the user is, if known. */
    Turn unavailable(
            UserKey user,
            Session unchanged,
            @Nullable Session showPromptOf,
            StoreUnavailableException e) {
        log.warn("store unavailable for a {} user: {}", user.platform(), e.getMessage());
        health.markDown(e.getMessage() == null ? "unavailable" : e.getMessage());
        return apology(unchanged, "error.unavailable", showPromptOf);
    }

    /** The user hears what happened and, where possible, where they are. */
    Turn apology(Session unchanged, String key, @Nullable Session showPromptOf) {
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.text(engine.text(unchanged, key)));
        if (showPromptOf != null) {
            try {
                replies.add(engine.currentPrompt(showPromptOf));
            } catch (RuntimeException e) {
                log.error("cannot render the current prompt either", e);
            }
        }
        return new Turn(unchanged, replies, List.of());
    }

    /**
     * The one exit of a turn that failed. An apology is for someone who wrote: a reminder that
     * fails is rethrown, so the scheduler retries it later instead of sending "something went
     * wrong".
     */
    Turn after(Inbound inbound, Failed failed) {
        RuntimeException cause = failed.reason;
        if (inbound instanceof Inbound.NudgeDue || inbound instanceof Inbound.WeeklySummaryDue) {
            if (cause instanceof StoreUnavailableException) {
                health.markDown(String.valueOf(cause.getMessage()));
            }
            throw cause;
        }
        if (cause instanceof StoreUnavailableException e) {
            return unavailable(inbound.user(), failed.unchanged, failed.showPromptOf, e);
        }
        return apology(failed.unchanged, "error.internal", failed.showPromptOf);
    }

    /**
     * Why a turn could not be done, thrown from wherever it happened in the service to the one
     * place that decides what the user hears ({@link #after}).
     */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Session unchanged;
        final transient @Nullable Session showPromptOf;
        final RuntimeException reason;

        /**
         * @param showPromptOf the session whose pending question follows the apology, or null
         */
        Failed(Session unchanged, @Nullable Session showPromptOf, RuntimeException reason) {
            super(null, reason, false, false); // a signal between two methods: no stack trace
            this.unchanged = unchanged;
            this.showPromptOf = showPromptOf;
            this.reason = reason;
        }
    }
}
