package dev.backcoach.discord;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.SendStats;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the bot sends on its own (step timers, nudges) go by DM: ephemeral messages exist only
 * as answers to an interaction. A user whose DMs are closed (50007) is marked unreachable, so
 * nudges pause and Discord does not see a stream of refused calls.
 */
final class DirectMessages implements ChannelPort, SendStats {
    private static final Logger log = LoggerFactory.getLogger(DirectMessages.class);

    /** Tries after the first when Discord answers a DM with a server error. */
    static final int SERVER_ERROR_RETRIES = 5;

    private final JDA jda;
    private final ConversationService service;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    private final Charts charts;

    DirectMessages(JDA jda, ConversationService service, Charts charts) {
        this.jda = jda;
        this.service = service;
        this.charts = charts;
    }

    @Override
    public void deliver(UserKey user, ChatRef chat, List<Reply> replies) {
        CompletableFuture<Void> unused =
                send(user, replies); // each failure is handled and logged inside
    }

    /** Completes when every message went out or the first refusal was handled. */
    CompletableFuture<Void> send(UserKey user, List<Reply> replies) {
        return sendOnce(user, replies, NO_CLAIM).handle((sentOrNot, failure) -> null);
    }

    /** Replies that answer a user need no claim. */
    private static final Claim NO_CLAIM = () -> true;

    /**
     * A reminder: claimed once the DM channel is open, and handed over (as far as the bot can tell)
     * when its messages are queued to JDA, right after.
     */
    @Override
    public CompletableFuture<Boolean> deliverOnce(
            UserKey user, ChatRef chat, List<Reply> replies, Claim claim) {
        return sendOnce(user, replies, claim);
    }

    private CompletableFuture<Boolean> sendOnce(UserKey user, List<Reply> replies, Claim claim) {
        if (Pictures.none(replies)) {
            return sendDrawn(user, replies, claim);
        }
        return Pictures.drawn(charts, replies).thenCompose(drawn -> sendDrawn(user, drawn, claim));
    }

    private CompletableFuture<Boolean> sendDrawn(UserKey user, List<Reply> replies, Claim claim) {
        List<MessageCreateData> messages = Render.messages(replies, user.userId());
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (messages.isEmpty()) {
            done.complete(false);
            return done;
        }
        open(user, messages, 0, claim, done);
        return done;
    }

    /** Opens the DM channel (retried like a message), then claims and sends. */
    private void open(
            UserKey user,
            List<MessageCreateData> messages,
            int attempt,
            Claim claim,
            CompletableFuture<Boolean> done) {
        jda.openPrivateChannelById(user.userId())
                .queue(
                        channel -> {
                            try {
                                if (!claim.claim()) {
                                    done.complete(false);
                                    return;
                                }
                                claim.handedOver();
                            } catch (RuntimeException e) {
                                done.completeExceptionally(e);
                                return;
                            }
                            sendFrom(user, channel, messages, 0, 0, claim, done);
                        },
                        failure ->
                                retryOr(
                                        user,
                                        failure,
                                        attempt,
                                        done,
                                        () -> open(user, messages, attempt + 1, claim, done)));
    }

    /**
     * Sends {@code messages} from {@code index} on, in order. A server error (5xx, which JDA does
     * not repeat for a message) or a broken connection is retried after 1, 2, 4, 8 and 16 s from
     * the message that failed, so none is sent twice by the bot and a reminder survives a short
     * Discord outage; meanwhile a reminder counts as not handed over, so a restart sends it.
     */
    private void sendFrom(
            UserKey user,
            MessageChannel channel,
            List<MessageCreateData> messages,
            int index,
            int attempt,
            Claim claim,
            CompletableFuture<Boolean> done) {
        if (index == messages.size()) {
            done.complete(true);
            return;
        }
        channel.sendMessage(messages.get(index))
                .queue(
                        ok -> {
                            sent.incrementAndGet();
                            sendFrom(user, channel, messages, index + 1, 0, claim, done);
                        },
                        failure -> {
                            if (index == 0 && passing(failure)) {
                                quietly(claim::notHandedOver);
                            }
                            retryOr(
                                    user,
                                    failure,
                                    attempt,
                                    done,
                                    () -> {
                                        if (index == 0) {
                                            quietly(claim::handedOver);
                                        }
                                        sendFrom(
                                                user,
                                                channel,
                                                messages,
                                                index,
                                                attempt + 1,
                                                claim,
                                                done);
                                    });
                        });
    }

    /** After a passing failure, {@code again} in 1, 2, 4… s; otherwise (or at the last) refused. */
    private void retryOr(
            UserKey user,
            Throwable failure,
            int attempt,
            CompletableFuture<Boolean> done,
            Runnable again) {
        if (!passing(failure) || attempt >= SERVER_ERROR_RETRIES) {
            refused(user, failure, done);
            return;
        }
        retries.incrementAndGet();
        long seconds = 1L << attempt;
        log.warn(
                "DM to a Discord user failed ({}); retry {} in {} s",
                failure.toString(),
                attempt + 1,
                seconds);
        CompletableFuture<Void> unused = // the retry reports its own outcome through done
                CompletableFuture.runAsync(
                        again, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS));
    }

    /** Discord's trouble, not the message's: worth another try. */
    private static boolean passing(Throwable failure) {
        // By the HTTP status: JDA also calls an unknown error code a server error.
        return (failure instanceof ErrorResponseException e && e.getResponse().code >= 500)
                || failure instanceof IOException
                || failure.getCause() instanceof IOException;
    }

    private static void quietly(Runnable claimUpdate) {
        try {
            claimUpdate.run();
        } catch (RuntimeException e) {
            log.warn("a reminder's claim could not be updated: {}", e.getMessage());
        }
    }

    private void refused(UserKey user, Throwable failure, CompletableFuture<Boolean> done) {
        if (failure instanceof ErrorResponseException e
                && e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
            refused.incrementAndGet();
            log.info("a Discord user's DMs are closed; nudges pause until they write again");
            service.markUnreachable(user);
        } else {
            failed.incrementAndGet();
            log.warn("DM to a Discord user not delivered: {}", failure.toString());
        }
        done.completeExceptionally(failure);
    }

    @Override
    public long sent() {
        return sent.get();
    }

    long refused() {
        return refused.get();
    }

    /** DMs tried again after a server error; JDA waits out rate limits by itself, unreported. */
    @Override
    public long retries() {
        return retries.get();
    }

    @Override
    public long rateLimited() {
        return 0;
    }

    @Override
    public long blocked() {
        return refused.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }
}
