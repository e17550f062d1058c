package dev.backcoach.app;

/** Invalid settings: one clear line for each that an operator needs, with no secret in it. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One line per invalid variable, each naming it and what is expected. */
    ConfigException(String message) {
        super(message, null, false, false);
    }
}
