package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.language.EnglishFragments;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal chat in Spanish, as LANG=es_ES.UTF-8 sets it: a whole conversation typed line by
 * line, every line the bot prints in Spanish.
 */
class ConsoleSpanishTest {
    private static final Catalogs CATALOGS = Catalogs.load();
    private static final Catalog ES = CATALOGS.get("es");

    @TempDir Path folder;

    @Test
    void langSetsTheTerminalChatsLanguageAndAWholeConversationIsSpanish() throws Exception {
        AppConfig config = AppConfig.fromEnvironment(Map.of("LANG", "es_ES.UTF-8"));
        assertThat(config.language()).isEqualTo("es_ES.UTF-8");
        assertThat(
                        AppConfig.fromEnvironment(
                                        Map.of("LANG", "es_ES.UTF-8", "BACKCOACH_LANGUAGE", "ru"))
                                .language())
                .isEqualTo("ru");

        List<String> lines = new ArrayList<>(List.of("1", "1"));
        ES.checkGroups().forEach(g -> lines.add(ES.text("button.check_no")));
        ES.plan().forEach(item -> lines.add(item.label()));
        lines.addAll(
                List.of(
                        ES.text("button.plan_done"),
                        "/techniques heat",
                        ES.text("button.next"),
                        ES.text("button.next"),
                        "/routine evening",
                        "/nudge 20:30 Europe/Madrid",
                        "/progress",
                        ES.text("button.use_utc"),
                        "6",
                        "/export",
                        "/forget",
                        ES.text("button.forget_yes")));
        String out = chat(lines, config.language());

        assertThat(out)
                .contains(
                        "Hola, soy BackCoach",
                        ES.text("outcome.self_care"),
                        "Calor antes del masaje · paso 1 de 4",
                        "Rutina de noche",
                        "Te lo recordaré a las 20:30",
                        "Guardado: 6/10",
                        "Esto es lo que guardo sobre ti:",
                        ES.text("forget.done"));
        // The export's file name (backcoach-data.json) is a name, not English.
        String said = out.replaceAll("📎 [^\\n]*", "");
        assertThat(new EnglishFragments("es").in(said)).isEmpty();
    }

    private String chat(List<String> lines, String locale) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConversationService service =
                new ConversationService(
                        CATALOGS,
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
