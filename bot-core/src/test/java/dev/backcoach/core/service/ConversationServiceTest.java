package dev.backcoach.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {

    /** A store that can be switched off, like a database that went away. */
    static final class FlakyStore extends ForwardingStore {
        final AtomicBoolean down = new AtomicBoolean();

        private void failIfDown() {
            if (down.get()) {
                throw new StoreUnavailableException("connection refused", null);
            }
        }

        @Override
        public Optional<Session> load(UserKey user) {
            failIfDown();
            return super.load(user);
        }

        @Override
        public void commit(TurnRecord turn) {
            failIfDown();
            super.commit(turn);
        }

        @Override
        public Precheck precheck(UserKey user, String eventId) {
            failIfDown();
            return super.precheck(user, eventId);
        }

        @Override
        public boolean reachable() {
            return !down.get();
        }
    }

    @Test
    void whileTheStoreIsDownTheUserIsToldAndNothingIsHalfApplied() {
        FlakyStore store = new FlakyStore();
        Chat chat = new Chat(store, "u").onboarded().send("/check").press("No");
        Session before = chat.session();

        store.down.set(true);
        chat.press("No");
        assertThat(chat.text()).startsWith(chat.catalogText("error.unavailable"));

        assertThat(chat.service.health().state().up()).isFalse();
        assertThat(chat.service.health().state().reason()).isEqualTo("connection refused");

        store.down.set(false);
        chat.service.health().probe();
        assertThat(chat.service.health().state().up()).isTrue();
        assertThat(chat.session()).isEqualTo(before);
        chat.press("No");
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(2));
    }

    @Test
    void twoServicesOnOneStoreNeverLoseAnUpdate() {
        InMemoryStateStore store = new InMemoryStateStore();
        Chat a = new Chat(store, "same-user").onboarded();
        Chat b = new Chat(store, "same-user");
        a.send("/check");
        b.send("No"); // b's service loads the user fresh and answers question 1
        a.send("No"); // a's cached session is now stale: the version check makes it reload and
        // re-run
        assertThat(store.load(a.session().user()).orElseThrow().dialogue())
                .isEqualTo(new Dialogue.Screening(2));
        assertThat(a.session().version()).isEqualTo(b.session().version());
    }

    @Test
    void turnsOfOneUserAreSerialized() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        StateStore watching =
                new ForwardingStore() {
                    @Override
                    public void commit(TurnRecord turn) {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        try {
                            super.commit(turn);
                        } catch (ConcurrentUpdateException e) {
                            conflicts.incrementAndGet();
                            throw e;
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                };
        Chat chat = new Chat(watching, "busy").onboarded();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String command = i % 2 == 0 ? "/settings" : "/menu";
            done.add(pool.submit(() -> chat.send(command)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(conflicts.get()).isZero();
        assertThat(chat.service.stats().cache().hitCount()).isGreaterThan(0);
    }

    @Test
    void theSameEventDeliveredTwiceIsAnsweredTwiceButRunOnce() {
        Chat chat = new Chat().onboarded().send("/check");
        var press =
                new dev.backcoach.core.model.Inbound.Choice(
                        chat.session().user(),
                        dev.backcoach.core.model.ChatRef.privateWith("user-1"),
                        "update-42",
                        chat.button("No").data());
        chat.deliver(press);
        var first = chat.replies();
        Session after = chat.session();
        chat.deliver(press);
        assertThat(chat.replies()).isEqualTo(first);
        assertThat(chat.session()).isEqualTo(after);
        assertThat(after.dialogue()).isEqualTo(new Dialogue.Screening(1));
    }

    /** The path every busy turn takes: a cached user costs one write and not a single read. */
    @Test
    void aTurnThatChangesACachedSessionOnlyWrites() {
        CountingStore counting = new CountingStore();
        Chat chat = new Chat(counting, "cached").onboarded().send("/menu");
        counting.reset();
        for (int i = 0; i < 10; i++) {
            chat.send(i % 2 == 0 ? "/settings" : "/menu");
        }
        assertThat(counting.commits.get()).isEqualTo(10);
        assertThat(counting.reads()).isZero();
    }

    /**
     * Run again, the event would change the session: the commit recognises it and nothing moves.
     */
    @Test
    void aReDeliveryWhoseTurnWouldChangeTheSessionGetsTheFirstRepliesAndChangesNothing() {
        Chat chat = new Chat().onboarded().send("/menu");
        UserKey user = chat.session().user();
        var settings =
                new dev.backcoach.core.model.Inbound.Command(
                        user,
                        dev.backcoach.core.model.ChatRef.privateWith(user.userId()),
                        "update-7",
                        "settings",
                        "");
        chat.deliver(settings);
        List<dev.backcoach.core.model.Reply> first = chat.replies();
        chat.send("/menu");
        Session onMenu = chat.session();

        chat.deliver(settings);
        assertThat(chat.replies()).isEqualTo(first);
        assertThat(chat.session()).isEqualTo(onMenu);
    }
}
