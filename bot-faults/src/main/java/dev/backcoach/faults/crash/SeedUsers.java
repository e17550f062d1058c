package dev.backcoach.faults.crash;

import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Users who already passed the check and chose no equipment, as after a first visit: most of a
 * crash loop's users come back for guidance, so their presses reach technique steps within the loop
 * instead of spending it on the safety questions.
 */
final class SeedUsers {
    private SeedUsers() {}

    static void returning(DatabaseSettings settings, List<Long> telegramUserIds) {
        try (Database database = Database.open(settings)) {
            JdbcStateStore store = new JdbcStateStore(database, Clock.systemUTC());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (long id : telegramUserIds) {
                Session session =
                        Session.fresh(new UserKey(Platform.TELEGRAM, Long.toString(id)))
                                .withOnboarding(true, true)
                                .withRoute(Route.SELF_CARE, today)
                                .withCheckIn(today)
                                .withVersion(1);
                store.commit(new TurnRecord(session, 0, "", List.of(), List.of()));
            }
        }
    }
}
