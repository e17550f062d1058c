package dev.backcoach.storage;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the password out of messages that quote the driver: a defence in depth, since drivers do
 * not normally echo it, but a message may travel to logs and to the health endpoint.
 */
final class Redaction {
    private static final int MAX_REASON = 200;

    private final @Nullable String password;

    Redaction(@Nullable String password) {
        this.password = password;
    }

    String apply(String message) {
        return password == null ? message : message.replace(password, "***");
    }

    /** The first line of the deepest cause's message, short enough for a health report. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse("").strip();
        return firstLine.length() <= MAX_REASON
                ? firstLine
                : firstLine.substring(0, MAX_REASON) + "…";
    }
}
