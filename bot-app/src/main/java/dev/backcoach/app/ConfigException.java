package dev.backcoach.app;

/** An invalid setting: the message is the one clear line an operator needs, with no secret in it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String variable, String expected) {
        super(variable + " is invalid: expected " + expected, null, false, false);
    }
}
