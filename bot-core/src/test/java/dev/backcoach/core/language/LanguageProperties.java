package dev.backcoach.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any language tag a platform may send, and any /language argument, gets an answer that fits every
 * platform; switching language at any point of the check keeps the question.
 */
class LanguageProperties {
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");
    private static final UserKey USER = new UserKey(Platform.TELEGRAM, "42");
    private static final ChatRef CHAT = ChatRef.privateWith("42");
    private final Engine engine = new Engine(Chat.CATALOGS);

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.oneOf(
                Arbitraries.of("es", "es-419", "ES", "es_MX", "pt-br", "ru", "ru-RU", "en-GB", ""),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('а', 'я').ofMaxLength(12));
    }

    @Property(tries = 300)
    void anyLocaleAndAnyLanguageArgumentGetAnAnswer(
            @ForAll("tags") String locale, @ForAll("tags") String argument) {
        Session session = Session.fresh(USER).withOnboarding(true, true);
        Turn first = engine.handle(session, new Inbound.Text(USER, CHAT, "t", "hola", locale), NOW);
        Turn second =
                engine.handle(
                        first.session(),
                        new Inbound.Command(USER, CHAT, "c", "language", argument, locale),
                        NOW);
        for (Turn turn : new Turn[] {first, second}) {
            assertThat(turn.replies()).isNotEmpty();
            for (Reply reply : turn.replies()) {
                assertThat(reply.text()).isNotBlank().hasSizeLessThanOrEqualTo(2_000);
            }
        }
        assertThat(engine.language(second.session())).isIn(Chat.CATALOGS.languages());
    }

    @Property(tries = 100)
    void switchingAtAnyStepOfTheCheckKeepsTheQuestion(
            @ForAll("groups") int group, @ForAll("codes") String code) {
        Session session =
                Session.fresh(USER)
                        .withOnboarding(true, true)
                        .withDialogue(new Dialogue.Screening(group));
        Turn turn =
                engine.handle(
                        session, new Inbound.Choice(USER, CHAT, "p", "/language " + code), NOW);
        assertThat(turn.session().dialogue()).isEqualTo(new Dialogue.Screening(group));
        assertThat(turn.session().promptSeq()).isEqualTo(session.promptSeq());
        assertThat(turn.replies().get(turn.replies().size() - 1).text())
                .contains("(" + (group + 1) + "/");
    }

    @Provide
    Arbitrary<Integer> groups() {
        return Arbitraries.integers().between(0, Chat.CATALOG.checkGroups().size() - 1);
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(Chat.CATALOGS.languages());
    }
}
