package dev.backcoach.core.service;

/** The stored session changed since it was read: reload and run the turn again. */
public final class ConcurrentUpdateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message) {
        super(message, null, false, false);
    }
}
