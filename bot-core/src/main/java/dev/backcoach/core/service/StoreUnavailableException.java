package dev.backcoach.core.service;

/** The store cannot be reached right now; the caller tells the user to try again shortly. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
