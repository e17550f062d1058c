package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.language.EnglishFragments;
import dev.backcoach.discord.fake.Shown;
import dev.backcoach.telegram.fake.SentMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A language the end-to-end conversations are played in: the tags each platform reports for it, a
 * zone its speakers live in, the expected texts (always from its catalog, never written here), and
 * the checks every reply on every platform must pass: no English fragment in any text, button or
 * caption, and nothing over the platform's limits.
 */
final class Speaking {
    static final Catalogs CATALOGS = Catalogs.load();

    final String code;
    final String telegramTag;
    final String discordLocale;
    final String zone;
    final Catalog catalog;
    private final EnglishFragments english;

    private Speaking(String code, String telegramTag, String discordLocale, String zone) {
        this.code = code;
        this.telegramTag = telegramTag;
        this.discordLocale = discordLocale;
        this.zone = zone;
        this.catalog = CATALOGS.get(code);
        this.english = new EnglishFragments(code);
    }

    static Speaking spanish() {
        return new Speaking("es", "es-419", "es-ES", "Europe/Madrid");
    }

    static Speaking russian() {
        return new Speaking("ru", "ru", "ru", "Europe/Moscow");
    }

    String text(String key) {
        return catalog.text(key);
    }

    /**
     * The start of catalog text {@code key} as a user reads it, with {@code fills} put in: up to
     * the first placeholder left or the end of the first line, so it survives markup and layout.
     */
    String head(String key, String... fills) {
        String text = catalog.text(key);
        for (int i = 0; i + 1 < fills.length; i += 2) {
            text = text.replace("{" + fills[i] + "}", fills[i + 1]);
        }
        int end = text.length();
        for (int cut : new int[] {text.indexOf('{'), text.indexOf('\n')}) {
            if (cut >= 0) {
                end = Math.min(end, cut);
            }
        }
        String head = text.substring(0, end).strip();
        return head.length() > 60 ? head.substring(0, 60) : head;
    }

    /** No English, and within Telegram's limits: text, caption, button labels and data. */
    void check(SentMessage m) {
        String text = m.plainText() == null ? "" : m.plainText();
        assertThat(english.in(text)).as(code + " on Telegram: " + m).isEmpty();
        int most = m.kind().equals("text") ? 4_096 : 1_024;
        assertThat(text.length()).as("length of " + m).isLessThanOrEqualTo(most);
        for (SentMessage.Button b : m.buttons()) {
            assertThat(english.in(b.text())).as(code + " button of " + m).isEmpty();
            assertThat(b.text()).as("label of " + m).isNotBlank().hasSizeLessThanOrEqualTo(64);
            if (b.callbackData() != null) {
                assertThat(b.callbackData().getBytes(StandardCharsets.UTF_8).length)
                        .as("callback data of " + m)
                        .isBetween(1, 64);
            }
        }
    }

    /** No English, and within Discord's limits: content, buttons, custom ids. */
    void check(Shown m) {
        assertThat(english.in(m.content())).as(code + " on Discord: " + m).isEmpty();
        assertThat(m.content().codePointCount(0, m.content().length()))
                .as("content of " + m)
                .isLessThanOrEqualTo(2_000);
        assertThat(m.rows()).as("rows of " + m).hasSizeLessThanOrEqualTo(5);
        for (var row : m.rows()) {
            assertThat(row).hasSizeBetween(1, 5);
            for (Shown.Key key : row) {
                assertThat(english.in(key.label())).as(code + " button of " + m).isEmpty();
                assertThat(key.label()).isNotBlank().hasSizeLessThanOrEqualTo(80);
                assertThat(key.customId()).hasSizeBetween(1, 100);
            }
        }
    }

    /** No English in a line the terminal chat printed. */
    void check(String printed) {
        assertThat(english.in(printed)).as(code + " in the terminal: " + printed).isEmpty();
    }

    /**
     * Discord's /command options for the engine's {@code name} and {@code argument}: a technique by
     * its title in this language, as autocomplete offers it.
     */
    Map<String, String> discordOptions(String name, String argument) {
        if (argument.isEmpty()) {
            return Map.of();
        }
        return switch (name) {
            case "techniques" -> Map.of("name", catalog.technique(argument).orElseThrow().title());
            case "routine" -> Map.of("time", argument);
            case "progress" -> Map.of("score", argument);
            case "nudge" ->
                    Map.of(
                            "time", argument.substring(0, argument.indexOf(' ')),
                            "zone", argument.substring(argument.indexOf(' ') + 1));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
