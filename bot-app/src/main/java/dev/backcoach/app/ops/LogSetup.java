package dev.backcoach.app.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * The logging set-up, in code rather than logback.xml: reading the XML (a SAX parser and logback's
 * configuration model) took a tenth of start-up. Logs go to stderr, so the terminal chat on stdout
 * stays clean: a line of text, or with LOG_FORMAT=json one JSON object a line for log collectors
 * (timestamp, level, thread, logger, message, throwable). LOG_LEVEL sets the level (WARN by
 * default). Main sets both as system properties from the validated configuration; the environment
 * serves tests and tools. An operator who sets {@code -Dlogback.configurationFile} gets that file
 * instead.
 */
// No @ConfiguratorRank: logback runs configurators found as services before its own ones anyway,
// and reading the annotation cost start-up a few milliseconds of reflection.
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Found by logback through {@code META-INF/services}. */
    public LogSetup() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        boolean json = setting("LOG_FORMAT", "text").toLowerCase(Locale.ROOT).equals("json");
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(json ? "json" : "text");
        appender.setTarget("System.err");
        appender.setEncoder(json ? jsonLines(context) : textLines(context));
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting("LOG_LEVEL", "WARN"), Level.WARN));
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> textLines(LoggerContext context) {
        TextLines layout = new TextLines();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonLines(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    /** A system property, else the environment variable, else {@code fallback}. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
