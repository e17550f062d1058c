package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.service.StoreUnavailableException;
import dev.backcoach.core.service.TurnRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a {@link JdbcStateStore} promises beyond the port's contract, whatever the database: its
 * tables, the export, the reminder log, a database that goes away. One subclass per database gives
 * each test a new, empty one. The promises are split by concept up the chain {@link
 * JdbcTurnContract}, {@link JdbcExportContract}, {@link JdbcPrivacyContract}; this class holds the
 * ones about a database that closes, reopens or blocks.
 */
abstract class JdbcStateStoreContract extends JdbcPrivacyContract {

    @Test
    void aReopenedDatabaseStillHasEverything() {
        Session saved = onboarded(ANNA).withDialogue(new Dialogue.Planning(0b11)).withVersion(1);
        store.commit(new TurnRecord(saved, 0, "update-1", List.of(Reply.text("hi")), List.of()));
        database.close();

        database = Database.open(settings);
        store = new JdbcStateStore(database, clock);

        assertThat(store.load(ANNA)).contains(saved);
        assertThat(store.repliesOf(ANNA, "update-1")).contains(List.of(Reply.text("hi")));
    }

    @Test
    void aClosedPoolIsUnavailableNotAnError() {
        assertThat(store.reachable()).isTrue();
        database.close();

        assertThat(store.reachable()).isFalse();
        assertThatThrownBy(() -> store.load(ANNA))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("database unavailable while loading a session");
        assertThatThrownBy(() -> store.save(onboarded(ANNA).withVersion(1), 0))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.forget(ANNA)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aWriteBlockedBeyondTheLockWaitIsUnavailableNotStuck() throws SQLException {
        store.save(onboarded(ANNA).withVersion(1), 0);
        try (Connection holder = database.dataSource().getConnection()) {
            // Another instance in the middle of its own turn for the same user.
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement(
                            "UPDATE user_session SET prompt_seq = prompt_seq WHERE platform = ? AND user_id = ?")) {
                UserTables.bindUser(lock, ANNA);
                lock.executeUpdate();
            }
            long start = System.nanoTime();

            assertThatThrownBy(() -> store.save(onboarded(ANNA).withVersion(2), 1))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("database unavailable while committing a turn");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(
                            Duration.ofMillis(Pools.LOCK_WAIT_MILLIS - 500),
                            Duration.ofSeconds(15));
            holder.rollback();
        }
        store.save(onboarded(ANNA).withVersion(2), 1);
    }
}
