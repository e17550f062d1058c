package dev.backcoach.app;

/** An invalid setting: the message is the one clear line an operator needs, with no secret in it. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String variable, String expected) {
        this(variable + " is invalid: expected " + expected);
    }

    /** For checks made elsewhere whose message already names the variable. */
    ConfigException(String message) {
        super(message, null, false, false);
    }
}
