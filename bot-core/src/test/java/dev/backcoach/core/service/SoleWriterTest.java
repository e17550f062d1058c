package dev.backcoach.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Session;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A store with no other writer (SQLite, held by one instance) lets turns that leave a new user new
 * skip the read before them; everyone else's turns still get it, so re-deliveries are answered as
 * before.
 */
class SoleWriterTest {

    /** The only writer's store, counting; its next commit can fail after committing. */
    static final class OnlyWriter extends CountingStore {
        final AtomicBoolean failAfterNextCommit = new AtomicBoolean();

        @Override
        public boolean soleWriter() {
            return true;
        }

        @Override
        public void commit(TurnRecord turn) {
            super.commit(turn);
            if (failAfterNextCommit.getAndSet(false)) {
                throw new StoreUnavailableException("connection reset after the commit", null);
            }
        }
    }

    @Test
    void aNewUserWhoStaysNewIsAnsweredWithoutReadingTheStoreAgain() {
        OnlyWriter store = new OnlyWriter();
        Chat chat = new Chat(store, "newcomer");
        chat.send("/help").later(Chat.HUMAN_PACE).send("hello there").later(Chat.HUMAN_PACE);
        chat.send("/help");
        assertThat(chat.text()).isNotBlank();
        assertThat(store.delegate.load(chat.user())).as("nothing stored for them").isEmpty();
        assertThat(store.loads.get()).as("one load: the first turn's cache miss").isEqualTo(1);
        assertThat(store.prechecks.get()).isZero();
    }

    @Test
    void aStoredUsersUnchangedTurnStillChecksForAReDelivery() {
        OnlyWriter store = new OnlyWriter();
        Chat chat = new Chat(store, "returning").onboarded().send("/check");
        var press =
                new Inbound.Choice(
                        chat.user(),
                        ChatRef.privateWith("returning"),
                        "update-42",
                        chat.button("No").data());
        chat.deliver(press);
        var first = chat.replies();
        Session after = chat.session();
        store.prechecks.set(0);

        chat.deliver(press); // Telegram did not hear the answer and sends the press again
        assertThat(chat.replies()).isEqualTo(first);
        assertThat(chat.session()).isEqualTo(after);
        assertThat(store.prechecks.get()).isPositive();
    }

    @Test
    void afterACommitWhoseOutcomeIsUnknownTheNextTurnReadsWhatIsStored() {
        OnlyWriter store = new OnlyWriter();
        Chat chat = new Chat(store, "unlucky");
        store.failAfterNextCommit.set(true);
        chat.send("/start"); // stored, but the service heard an error: it apologises
        assertThat(chat.text()).startsWith(chat.catalogText("error.unavailable"));
        assertThat(chat.session().version()).isEqualTo(1);
        store.loads.set(0);

        chat.later(Chat.HUMAN_PACE).send("/help");
        assertThat(store.loads.get()).as("the cached new session was dropped").isEqualTo(1);
    }
}
