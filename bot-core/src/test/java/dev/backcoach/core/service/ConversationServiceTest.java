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
    static final class FlakyStore implements StateStore {
        final InMemoryStateStore delegate = new InMemoryStateStore();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public Optional<Session> load(UserKey user) {
            if (down.get()) {
                throw new StoreUnavailableException("connection refused", null);
            }
            return delegate.load(user);
        }

        @Override
        public void save(Session session, long expectedVersion) {
            if (down.get()) {
                throw new StoreUnavailableException("connection refused", null);
            }
            delegate.save(session, expectedVersion);
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

        store.down.set(false);
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
        a.send("No"); // a's cached session is now stale: the version check makes it reload and re-run
        assertThat(store.load(a.session().user()).orElseThrow().dialogue()).isEqualTo(new Dialogue.Screening(2));
        assertThat(a.session().version()).isEqualTo(b.session().version());
    }

    @Test
    void turnsOfOneUserAreSerialized() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        InMemoryStateStore delegate = new InMemoryStateStore();
        StateStore watching = new StateStore() {
            @Override
            public Optional<Session> load(UserKey user) {
                return delegate.load(user);
            }

            @Override
            public void save(Session session, long expectedVersion) {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    delegate.save(session, expectedVersion);
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
        assertThat(chat.service.cacheStats().hitCount()).isGreaterThan(0);
    }
}
