package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A receiver asking for the bot after it was withdrawn (closed) gets none, not an exception. */
class AwaitedBotTest {
    @Test
    void askingAfterTheBotWasWithdrawnGivesNone() {
        AwaitedBot bot = new AwaitedBot();
        bot.withdraw();
        assertThat(bot.await(Duration.ofSeconds(1))).isNull();
    }

    @Test
    void askingBeforeItComesWaitsOnlyAsLongAsAsked() {
        assertThat(new AwaitedBot().await(Duration.ofMillis(20))).isNull();
    }
}
