package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.storage.PostgresSchema;
import dev.backcoach.storage.TcpProxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceOnPostgresTest extends ServiceOnDatabaseContract {
    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Override
    DatabaseSettings settings() {
        return postgres.settings();
    }

    @Test
    void whenTheDatabaseGoesAwayUsersAreToldAndTheBotRecoversByItself() throws Exception {
        DatabaseSettings direct = settings();
        try (TcpProxy proxy = new TcpProxy(postgres.port())) {
            DatabaseSettings viaProxy =
                    new DatabaseSettings(
                            postgres.urlThrough(proxy.port()), direct.user(), direct.password());
            ConversationService bot = instance(viaProxy);
            Screen phone = new Screen("7");
            phone.send(bot, "start")
                    .press(bot, "Yes")
                    .press(bot, "Yes")
                    .send(bot, "check")
                    .press(bot, "No");

            proxy.cut();
            phone.press(bot, "No");
            assertThat(phone.text()).startsWith(CATALOG.text("error.unavailable"));
            assertThat(bot.health().state().up()).isFalse();

            proxy.restore();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> {
                                bot.health().probe();
                                return bot.health().state().up();
                            });
            phone.press(bot, "No");
            assertThat(phone.text()).contains("(3/");
            var stored = new JdbcStateStore(openDirect()).load(phone.user).orElseThrow();
            assertThat(stored.dialogue())
                    .as("stored without the position")
                    .isEqualTo(new Dialogue.CheckRestarted());
        }
    }

    private dev.backcoach.storage.Database openDirect() {
        instance(settings()); // registers the pool so the contract closes it
        return lastOpened();
    }
}
