package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real service on a real database, as users meet it; one subclass per database. */
abstract class ServiceOnDatabaseContract {
    static final Catalog CATALOG = CatalogLoader.load("en");
    private final List<Database> opened = new ArrayList<>();

    /** Users take a moment between presses; without it every scripted conversation is a flood. */
    private final Clock humanPace =
            new Clock() {
                private final java.util.concurrent.atomic.AtomicLong seconds =
                        new java.util.concurrent.atomic.AtomicLong(
                                java.time.Instant.now().getEpochSecond());

                @Override
                public java.time.Instant instant() {
                    return java.time.Instant.ofEpochSecond(seconds.incrementAndGet());
                }

                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            };

    abstract DatabaseSettings settings() throws Exception;

    /** A bot instance with its own pool and cache, as a second process would have. */
    ConversationService instance(DatabaseSettings settings) {
        Database database = Database.open(settings);
        opened.add(database);
        return new ConversationService(
                CATALOG,
                new JdbcStateStore(database),
                humanPace,
                EffectHandler.NONE,
                CacheSettings.DEFAULT);
    }

    Database lastOpened() {
        return opened.get(opened.size() - 1);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    @Test
    void twoInstancesServingOneUserInTurnLoseNoUpdate() throws Exception {
        DatabaseSettings settings = settings();
        ConversationService a = instance(settings);
        ConversationService b = instance(settings);
        Screen phone = new Screen("42");
        int turns = 0;

        phone.send(a, "start").press(b, "Yes").press(a, "Yes");
        turns += 3;
        for (int i = 0; i < CATALOG.checkGroups().size(); i++, turns++) {
            // mid-check, each answer lands on the other instance: the group's number rides in the
            // button
            phone.press(i % 2 == 0 ? b : a, "No");
        }
        assertThat(phone.text()).contains(CATALOG.text("outcome.self_care"));
        for (int i = 0; i < CATALOG.plan().size(); i++, turns++) {
            phone.press(i % 2 == 0 ? b : a, CATALOG.plan().get(i).label());
        }
        phone.press(a, CATALOG.text("button.plan_done"));
        turns++;
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        phone.sendCommand(a, "techniques", "foam_roller");
        turns++;
        for (int i = 0; i <= roller.steps().size(); i++, turns++) {
            phone.press(i % 2 == 0 ? b : a, "Next");
        }
        assertThat(phone.text())
                .contains(CATALOG.text("guide.done_technique").replace("{title}", roller.title()));

        Session stored = new JdbcStateStore(opened.get(0)).load(phone.user).orElseThrow();
        assertThat(stored.route()).isEqualTo(Route.SELF_CARE);
        assertThat(stored.version()).as("every turn committed exactly once").isEqualTo(turns);
    }

    /**
     * A restart in the middle of the check: the database never held the position, so the check
     * starts again and says why; the button still on screen names its own group and still counts.
     */
    @Test
    void aRestartMidCheckStartsTheCheckAgainAndSaysWhy() throws Exception {
        DatabaseSettings settings = settings();
        Screen phone = new Screen("77");
        ConversationService before = instance(settings);
        phone.send(before, "start").press(before, "Yes").press(before, "Yes").press(before, "No");
        assertThat(phone.text()).contains("(2/" + CATALOG.checkGroups().size() + ")");

        ConversationService restarted = instance(settings);
        phone.press(restarted, "No");
        assertThat(phone.text())
                .as("the press on screen answers group 2")
                .contains("(3/" + CATALOG.checkGroups().size() + ")")
                .doesNotContain(CATALOG.text("check.restarted"));

        ConversationService again = instance(settings);
        phone.send(again, "privacy");
        assertThat(phone.text())
                .contains(
                        CATALOG.text("privacy"),
                        CATALOG.text("check.restarted"),
                        "(1/" + CATALOG.checkGroups().size() + ")");
        assertThat(CATALOG.text("privacy"))
                .contains("if I restart in the middle of a check, it starts again");
        for (int i = 0; i < CATALOG.checkGroups().size(); i++) {
            phone.press(again, "No");
        }
        assertThat(phone.text()).contains(CATALOG.text("outcome.self_care"));
    }

    @Test
    void forgetLeavesNoRowOfTheUserInAnyTable() throws Exception {
        ConversationService bot = instance(settings());
        Screen leaving = new Screen("1001");
        Screen staying = new Screen("1002");
        for (Screen user : List.of(leaving, staying)) {
            user.send(bot, "start").press(bot, "Yes").press(bot, "Yes").send(bot, "check");
            for (int i = 0; i < CATALOG.checkGroups().size(); i++) {
                user.press(bot, "No");
            }
            user.press(bot, CATALOG.text("button.plan_done"));
            user.send(bot, "progress").press(bot, "Use UTC").press(bot, "5");
            user.sendCommand(bot, "nudge", "20:00 Europe/Berlin");
        }
        assertThat(rowsOf(leaving)).isPositive();

        leaving.send(bot, "forget").press(bot, CATALOG.text("button.forget_yes"));
        assertThat(leaving.text()).isEqualTo(CATALOG.text("forget.done"));
        assertThat(rowsOf(leaving)).isZero();
        assertThat(rowsOf(staying)).isPositive();

        leaving.send(bot, "start");
        assertThat(leaving.text()).contains(CATALOG.text("start.ask_adult"));
    }

    /** Rows with the user's id in every table of the schema (bar Flyway's own). */
    long rowsOf(Screen screen) throws Exception {
        long rows = 0;
        try (Connection c = opened.get(0).dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet t = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    tables.add(t.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("user_session", "progress_rating", "processed_event");
            for (String table : tables) {
                if (table.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    continue;
                }
                boolean tasks =
                        table.equalsIgnoreCase(
                                "scheduled_tasks"); // db-scheduler's: user in the task id
                try (PreparedStatement q =
                        c.prepareStatement(
                                tasks
                                        ? "SELECT COUNT(*) FROM "
                                                + table
                                                + " WHERE task_instance = ? || ':' || ? "
                                                + "OR task_instance LIKE ? || ':' || ? || ':%'"
                                        : "SELECT COUNT(*) FROM "
                                                + table
                                                + " WHERE platform = ? AND user_id = ?")) {
                    q.setString(1, "TELEGRAM");
                    q.setString(2, screen.user.userId());
                    if (tasks) {
                        q.setString(3, "TELEGRAM");
                        q.setString(4, screen.user.userId());
                    }
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        rows += r.getLong(1);
                    }
                }
            }
        }
        return rows;
    }
}
