package dev.backcoach.core.service;

/** The stored session changed since it was read: reload and run the turn again. */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message, null, false, false);
    }
}
