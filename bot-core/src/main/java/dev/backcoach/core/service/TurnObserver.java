package dev.backcoach.core.service;

import dev.backcoach.core.model.Platform;

/**
 * Told about every turn, e.g. to count and time them in metrics. Gets the platform and the kind of
 * event only: never a user id or any text, so nothing personal can reach a metric through it.
 */
@FunctionalInterface
public interface TurnObserver {
    TurnObserver NONE = (platform, kind, nanos) -> {};

    /**
     * @param kind the event's type in lower case: command, text, choice, timer or nudge
     * @param nanos how long the turn took, lock wait and commit included
     */
    void turnHandled(Platform platform, String kind, long nanos);
}
