package dev.backcoach.core.service;

/** The store cannot be reached right now; the caller tells the user to try again shortly. */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
