package dev.backcoach.telegram;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram's side of a turn: an update becomes an inbound event, the service runs (and commits) the
 * turn, and the replies, rendered by {@link Render}, go out through the {@link Outbox}. "Next step"
 * replies edit the message the button was on; every button press is answered.
 */
public final class TelegramBot implements ChannelPort, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final ConversationService service;
    private final TelegramClient client;
    private final String username;
    private final Outbox outbox;
    private final Render render;
    private final SendCounters counters = new SendCounters();
    private final Charts charts;

    TelegramBot(
            ConversationService service,
            TelegramClient client,
            String username,
            int sendRate,
            int chatRate,
            Charts charts) {
        this.service = service;
        this.charts = charts;
        this.client = client;
        this.username = username;
        this.outbox =
                new Outbox(client, sendRate, chatRate, this::onBlocked, counters, Pacer.system());
        this.render = new Render(username);
    }

    /**
     * What handling an update left to do.
     *
     * @param sent completes when the queued calls are sent or given up on
     * @param inline a single call to return as the webhook's response body instead of sending it
     */
    record Handled(CompletableFuture<Void> sent, @Nullable BotApiMethod<?> inline) {}

    /**
     * Runs the update's turn and queues its replies; completes when they are sent or given up on.
     */
    public CompletableFuture<Void> onUpdate(Update update) {
        return onUpdate(update, false).sent();
    }

    /**
     * Runs the update's turn. With {@code inlineAllowed} (webhook mode), a turn whose only call is
     * one message, for a chat with nothing queued and budget to spare, answers in the webhook's
     * response: Telegram executes it, it saves a round trip, and if the response is lost Telegram
     * sends the update again and the stored reply is replayed.
     */
    Handled onUpdate(Update update, boolean inlineAllowed) {
        return onIncoming(update.getUpdateId(), Incoming.from(update, username), inlineAllowed);
    }

    /**
     * As {@link #onUpdate(Update, boolean)}, for an update already read (the webhook reads its JSON
     * itself).
     */
    Handled onIncoming(long updateId, Optional<Incoming> translated, boolean inlineAllowed) {
        if (translated.isEmpty()) {
            log.debug("update {} is nothing the bot serves; ignored", updateId);
            return new Handled(CompletableFuture.completedFuture(null), null);
        }
        Incoming in = translated.get();
        Turn turn = service.handle(in.inbound());
        List<Reply> replies = turn.replies();
        boolean group = !in.inbound().chat().privateChat();
        boolean one = replies.size() == 1 && Render.fitsOneMessage(replies.get(0));
        if (inlineAllowed
                && in.callbackQueryId() == null
                && one
                && outbox.claimInline(in.chatId(), group)) {
            return new Handled(
                    CompletableFuture.completedFuture(null),
                    render.message(in.chatId(), replies.get(0).text(), replies.get(0)));
        }
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        @Nullable BotApiMethod<?> inline = null;
        if (in.callbackQueryId() != null) {
            // A press that changed nothing is answered in the small notice over the chat; the
            // message stays as it is (an identical edit would be refused as "not modified").
            boolean note = replies.size() == 1 && replies.get(0).pressNote();
            AnswerCallbackQuery answer =
                    answer(in.callbackQueryId(), note ? replies.get(0).text() : null);
            if (!note
                    && inlineAllowed
                    && one
                    && !(replies.get(0).replacePrevious() && in.buttonMessageId() != null)
                    && outbox.claimInline(in.chatId(), group)) {
                // The message rides in the webhook response, as safe as a command's reply (a lost
                // response brings the press again, and the stored reply). The answer only stops
                // the button's spinner: it goes through the chat's lane without holding the 200.
                var unused = answerCallback(in.chatId(), answer);
                return new Handled(
                        CompletableFuture.completedFuture(null),
                        render.message(in.chatId(), replies.get(0).text(), replies.get(0)));
            }
            if (inlineAllowed && outbox.claimInlineAnswer()) {
                // The answer rides back in the webhook response (no budget: it is no message),
                // the message below goes through the chat's lane, in order with what is queued.
                inline = answer;
            } else {
                calls.add(answerCallback(in.chatId(), answer));
            }
            if (note) {
                return new Handled(
                        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                                .exceptionally(failure -> null),
                        inline);
            }
        }
        if (one && replies.get(0).replacePrevious() && in.buttonMessageId() != null) {
            calls.add(edit(in.chatId(), group, in.buttonMessageId(), replies.get(0)));
        } else {
            calls.addAll(send(in.chatId(), group, replies));
        }
        return new Handled(
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                        .exceptionally(failure -> null),
                inline); // each failure is already logged and counted by the outbox
    }

    /** The bot's @username, which commands in groups may name. */
    String username() {
        return username;
    }

    /** Replies that do not answer an update: step timers now, nudges later. */
    @Override
    public void deliver(UserKey user, ChatRef chat, List<Reply> replies) {
        send(Long.parseLong(chat.chatId()), !chat.privateChat(), replies);
    }

    /**
     * A reminder: the claim is made when the first message's turn to go has come (see {@link
     * Outbox}).
     */
    @Override
    public CompletableFuture<Boolean> deliverOnce(
            UserKey user, ChatRef chat, List<Reply> replies, Claim claim) {
        OnceGate gate = new OnceGate(claim);
        List<CompletableFuture<Void>> calls =
                send(Long.parseLong(chat.chatId()), !chat.privateChat(), replies, gate);
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(done -> gate.passed());
    }

    private List<CompletableFuture<Void>> send(long chatId, boolean group, List<Reply> replies) {
        return send(chatId, group, replies, null);
    }

    private List<CompletableFuture<Void>> send(
            long chatId, boolean group, List<Reply> replies, @Nullable OnceGate gate) {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (Render.Call call : render.calls(chatId, replies)) {
            if (call instanceof Render.Call.Chart chart) {
                calls.add(ChartSend.submit(outbox, render, charts, chatId, group, chart, gate));
                continue;
            }
            if (call instanceof Render.Call.File file) {
                calls.add(
                        outbox.submit(
                                chatId,
                                group,
                                "sendDocument",
                                c -> {
                                    c.execute(file.send());
                                }));
                continue;
            }
            SendMessage message = ((Render.Call.Message) call).send();
            Outbox.Call send =
                    c -> {
                        c.execute(message);
                    };
            calls.add(
                    gate == null
                            ? outbox.submit(chatId, group, "sendMessage", send)
                            : outbox.submitGated(chatId, group, "sendMessage", gate, send));
        }
        return calls;
    }

    /**
     * The next step replaces the message the user pressed on; if it cannot be edited, a new one
     * goes out.
     */
    private CompletableFuture<Void> edit(long chatId, boolean group, int messageId, Reply reply) {
        EditMessageText edit = render.edit(chatId, messageId, reply);
        return outbox.submit(
                chatId,
                group,
                "editMessageText",
                c -> {
                    try {
                        c.execute(edit);
                    } catch (TelegramApiRequestException e) {
                        String why = String.valueOf(e.getApiResponse());
                        if (e.getErrorCode() != null
                                && e.getErrorCode() == 400
                                && why.contains("not modified")) {
                            return; // "Repeat" shows the same step: nothing to change
                        }
                        if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                            c.execute(render.message(chatId, reply.text(), reply));
                            return;
                        }
                        throw e;
                    }
                });
    }

    private static AnswerCallbackQuery answer(String callbackQueryId, @Nullable String note) {
        return AnswerCallbackQuery.builder()
                .callbackQueryId(callbackQueryId)
                .text(
                        note == null
                                ? null
                                : note.length() <= 200 ? note : note.substring(0, 199) + "…")
                .build();
    }

    private CompletableFuture<Void> answerCallback(long chatId, AnswerCallbackQuery answer) {
        return outbox.submitUnmetered(
                chatId,
                "answerCallbackQuery",
                c -> {
                    try {
                        c.execute(answer);
                    } catch (TelegramApiRequestException e) {
                        if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                            // Already answered (a re-delivered press) or too old: nothing left to
                            // answer.
                            log.debug("button press not answered again: {}", e.getApiResponse());
                            return;
                        }
                        throw e;
                    }
                });
    }

    /**
     * A private chat's id is its user's id: that user blocked the bot. A group: the bot was
     * removed.
     */
    private void onBlocked(long chatId) {
        if (chatId > 0) {
            service.markUnreachable(new UserKey(Platform.TELEGRAM, Long.toString(chatId)));
        }
    }

    public SendCounters counters() {
        return counters;
    }

    /** Waits up to {@code max} for queued calls to go out; true when none is left. */
    public boolean flush(java.time.Duration max) throws InterruptedException {
        return outbox.awaitIdle(max);
    }

    TelegramClient client() {
        return client;
    }

    @Override
    public void close() {
        outbox.close();
    }
}
