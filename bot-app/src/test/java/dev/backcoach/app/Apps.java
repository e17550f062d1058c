package dev.backcoach.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The application as the end-to-end tests start it: configured from {@code env}, its terminal chat
 * silent.
 */
final class Apps {
    private Apps() {}

    static Application start(Map<String, String> env) throws Exception {
        return new Application(
                AppConfig.fromEnvironment(env),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()));
    }

    static Application start(Map<String, String> env, Clock clock) throws Exception {
        return new Application(
                AppConfig.fromEnvironment(env),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()),
                clock);
    }
}
