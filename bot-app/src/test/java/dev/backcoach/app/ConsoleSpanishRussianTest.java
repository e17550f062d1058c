package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.core.service.TurnObserver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal chat in Spanish and in Russian, as LANG sets it: the whole conversation typed line
 * by line, each expected answer printed in order, and no line the bot prints in English.
 */
class ConsoleSpanishRussianTest {
    @TempDir Path folder;

    @Test
    void langAndBackcoachLanguageChooseTheTerminalsLanguage() {
        assertThat(AppConfig.fromEnvironment(Map.of("LANG", "es_ES.UTF-8")).language())
                .isEqualTo("es_ES.UTF-8");
        assertThat(
                        AppConfig.fromEnvironment(
                                        Map.of("LANG", "es_ES.UTF-8", "BACKCOACH_LANGUAGE", "ru"))
                                .language())
                .isEqualTo("ru");
    }

    @Test
    void aWholeConversationInSpanish() throws Exception {
        play(Speaking.spanish(), "es_ES.UTF-8");
    }

    @Test
    void aWholeConversationInRussian() throws Exception {
        play(Speaking.russian(), "ru_RU.UTF-8");
    }

    private void play(Speaking lang, String locale) throws Exception {
        Typist typist = new Typist();
        Conversation.play(lang, typist);
        String out = chat(typist.lines, locale);
        int at = 0;
        for (String expect : typist.expected) {
            int found = out.indexOf(expect, at);
            assertThat(found)
                    .as("\"" + expect + "\" after position " + at + " of:\n" + out)
                    .isGreaterThanOrEqualTo(0);
            at = found;
        }
        out.lines().forEach(lang::check);
    }

    /** Types everything at once, as a pipe would; the terminal has no clock of the test's. */
    private static final class Typist implements Conversation.Player {
        final List<String> lines = new ArrayList<>();
        final List<String> expected = new ArrayList<>();

        @Override
        public void command(String name, String argument, String expect) {
            lines.add(("/" + name + " " + argument).strip());
            expected.add(expect);
        }

        @Override
        public void press(String label, String expect) {
            lines.add(label);
            expected.add(expect);
        }

        @Override
        public boolean later(Duration time) {
            return false;
        }
    }

    private String chat(List<String> lines, String locale) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConversationService service =
                new ConversationService(
                        new Engine(Speaking.CATALOGS),
                        new InMemoryStateStore(),
                        Clock.systemUTC(),
                        EffectHandler.NONE,
                        CacheSettings.DEFAULT,
                        TurnObserver.NONE);
        new ConsoleAdapter(
                        new ByteArrayInputStream(
                                String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        service,
                        folder,
                        locale)
                .run();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
