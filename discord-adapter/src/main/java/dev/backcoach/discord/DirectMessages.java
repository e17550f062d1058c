package dev.backcoach.discord;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.SendStats;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
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

    private final JDA jda;
    private final ConversationService service;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

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
                            RestAction<Message> inOrder = channel.sendMessage(messages.get(0));
                            for (MessageCreateData next : messages.subList(1, messages.size())) {
                                inOrder = inOrder.flatMap(previous -> channel.sendMessage(next));
                            }
                            inOrder.queue(
                                    ok -> {
                                        sent.addAndGet(messages.size());
                                        done.complete(true);
                                    },
                                    failure -> refused(user, failure, done));
                        },
                        failure -> refused(user, failure, done));
        return done;
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

    /** JDA waits out Discord's rate limits and retries by itself; it does not report them. */
    @Override
    public long retries() {
        return 0;
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
