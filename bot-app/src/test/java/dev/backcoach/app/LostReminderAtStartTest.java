package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's evening reminder whose task a crash lost (the turn that set it was committed, its task
 * never written) is put back by the next start, which does not wait for that before it serves.
 */
class LostReminderAtStartTest {
    private static final UserKey ANNA = new UserKey(Platform.TELEGRAM, "1001");

    @TempDir Path dir;

    @Test
    void theNextStartPutsTheReminderBackSoonAfterItServes() throws Exception {
        DatabaseSettings settings =
                new DatabaseSettings("jdbc:sqlite:" + dir.resolve("bot.db"), null, null);
        try (Database before = Database.open(settings)) {
            Session anna =
                    Session.fresh(ANNA)
                            .withOnboarding(true, true)
                            .withRoute(Route.SELF_CARE, LocalDate.of(2026, 3, 27))
                            .withNudge(
                                    NudgePlan.of(
                                            LocalTime.of(21, 30),
                                            ZoneId.of("Europe/Berlin"),
                                            NudgePlan.EVERY_DAY))
                            .withVersion(1);
            JdbcStateStore store = new JdbcStateStore(before);
            store.commit(new TurnRecord(anna, 0, "", List.of(), List.of()));
            assertThat(store.nudgeLog().usersMissingReminderTask()).containsExactly(ANNA);
        }

        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", settings.url());
        env.put("HTTP_PORT", "0");
        try (Application app = Apps.start(env);
                Database look = Database.open(settings)) {
            JdbcStateStore store = new JdbcStateStore(look);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () ->
                                    assertThat(store.nudgeLog().usersMissingReminderTask())
                                            .as("Anna's reminder has its task again")
                                            .isEmpty());
            assertThat(app.httpPort()).isPresent();
        }
    }
}
