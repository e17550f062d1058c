package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.TestClock;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.core.service.TurnRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever follows {@code /progress}, the whole service answers (a rating, the progress, or a kind
 * hint), never fails, and every reply fits the platforms' limits (Telegram's caption of a chart
 * included); a rating is logged only for a whole number from 0 to 10.
 */
class ProgressTypedPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");
    private static final AtomicInteger USERS = new AtomicInteger();

    /** One service for every try (building one is slow); each try is a new user. */
    private static final InMemoryStateStore STORE = new InMemoryStateStore();

    private static final List<Effect> EFFECTS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final ConversationService SERVICE =
            new ConversationService(
                    Chat.CATALOG, STORE, TestClock.at(NOW), EFFECTS::add, CacheSettings.DEFAULT);

    @Provide
    Arbitrary<String> arguments() {
        Arbitrary<String> scores =
                Arbitraries.integers()
                        .between(-20, 120)
                        .flatMap(
                                n ->
                                        Arbitraries.of(
                                                "" + n,
                                                n + "/10",
                                                n + " / 10",
                                                n + " of 10",
                                                " " + n + ".",
                                                n + "/" + n));
        Arbitrary<String> words =
                Arbitraries.of("week", "WEEK", "weekly", "eleven", "4.5", "½", "🙂", "", " ");
        return Arbitraries.oneOf(scores, words, Arbitraries.strings().ofMaxLength(300));
    }

    @Property(tries = 100)
    void anyArgumentGetsAnAnswerThatFitsAndLogsOnlyAWholeScore(
            @ForAll("arguments") String argument) {
        UserKey user = new UserKey(Platform.TELEGRAM, "p" + USERS.incrementAndGet());
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        Session selfCare =
                Session.fresh(user)
                        .withOnboarding(true, true)
                        .withRoute(Route.SELF_CARE, today)
                        .withZone(ZoneOffset.UTC)
                        .withVersion(1);
        STORE.commit(
                new TurnRecord(
                        selfCare,
                        0,
                        "",
                        List.of(),
                        List.of(new Effect.RecordRating(user, today.minusDays(3), 6))));

        List<Reply> replies =
                SERVICE.handle(
                                new Inbound.Command(
                                        user,
                                        ChatRef.privateWith(user.userId()),
                                        "e1",
                                        "progress",
                                        argument))
                        .replies();

        assertThat(replies).isNotEmpty();
        for (Reply reply : replies) {
            assertThat(reply.text()).isNotBlank().hasSizeLessThanOrEqualTo(2_000);
            if (reply.chart() != null) {
                assertThat(reply.text()).hasSizeLessThanOrEqualTo(1_024);
            }
            for (Button b : reply.allButtons()) {
                assertThat(b.data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .isBetween(1, 64);
            }
        }
        String whole = argument.strip().replaceAll("\\s*(/|of)\\s*10$", "");
        boolean score = whole.matches("(10|0?[0-9])\\.?");
        assertThat(
                        EFFECTS.stream()
                                .anyMatch(
                                        e ->
                                                e instanceof Effect.RecordRating r
                                                        && r.user().equals(user)))
                .as("logged for \"" + argument + "\"")
                .isEqualTo(score);
    }
}
