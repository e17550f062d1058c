package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ForwardingStore;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reminder by DM when Discord answers 500 (which JDA does not repeat for a message): the bot
 * tries again from the message that failed, so it arrives once, and the reminder counts as not
 * handed over while it waits. A refusal that is the message's own fault is not repeated.
 */
class DirectMessageRetryTest {
    static final Duration WAIT = RunningDiscord.WAIT;

    RunningDiscord bot;
    FakeDiscord discord;

    /** Records what the channel tells a reminder's claim. */
    static final class RecordingClaim implements ChannelPort.Claim {
        final AtomicInteger handedOver = new AtomicInteger();
        final AtomicInteger notHandedOver = new AtomicInteger();

        @Override
        public boolean claim() {
            return true;
        }

        @Override
        public void handedOver() {
            handedOver.incrementAndGet();
        }

        @Override
        public void notHandedOver() {
            notHandedOver.incrementAndGet();
        }
    }

    @BeforeEach
    void start() throws Exception {
        bot = RunningDiscord.fake();
        discord = bot.discord;
        bot.start(
                new ForwardingStore(),
                Duration.ofMillis(2_000),
                history -> CompletableFuture.failedFuture(new IllegalStateException()));
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void aReminderSurvivesServerErrorsAndArrivesOnce() throws Exception {
        discord.failNext("POST", "/channels/\\d+/messages", 2, 500, 0);
        RecordingClaim claim = new RecordingClaim();

        CompletableFuture<Boolean> sent =
                bot.runtime
                        .channel()
                        .deliverOnce(
                                new UserKey(Platform.DISCORD, "71"),
                                ChatRef.privateWith("71"),
                                List.of(Reply.text("Time for your evening stretch.")),
                                claim);

        assertThat(sent.get(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(WAIT).until(() -> !discord.screen(71).isEmpty());
        assertThat(discord.screen(71))
                .extracting(Shown::content)
                .containsExactly("Time for your evening stretch.");
        assertThat(claim.notHandedOver).as("put back while waiting to retry").hasValue(2);
        assertThat(claim.handedOver).as("handed over at each try").hasValue(3);
    }

    @Test
    void aRefusalThatIsTheMessagesOwnIsNotRepeated() {
        discord.failNext("POST", "/channels/\\d+/messages", 1, 400, 0);

        CompletableFuture<Boolean> sent =
                bot.runtime
                        .channel()
                        .deliverOnce(
                                new UserKey(Platform.DISCORD, "72"),
                                ChatRef.privateWith("72"),
                                List.of(Reply.text("Time for your evening stretch.")),
                                new RecordingClaim());

        await().atMost(WAIT).until(sent::isDone);
        assertThat(sent).isCompletedExceptionally();
        assertThat(discord.screen(72)).isEmpty();
    }
}
