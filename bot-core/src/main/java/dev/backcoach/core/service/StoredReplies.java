package dev.backcoach.core.service;

import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies read from the store once a turn is committed: the progress (with its chart) and /export's
 * summary and file, followed by the turn's own replies (the pending question). Read after the
 * commit, so they include what the turn itself saved.
 */
final class StoredReplies {
    private final Engine engine;
    private final StateStore store;
    private final Clock clock;
    private final DataExport export;

    StoredReplies(Engine engine, StateStore store, Clock clock, DataExport export) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
        this.export = export;
    }

    /** The turn's replies, with what the store holds for them put first. */
    List<Reply> around(
            UserKey user, Session session, List<Reply> replies, List<Effect> turnEffects) {
        for (Effect effect : turnEffects) {
            if (effect instanceof Effect.ShowProgress show) {
                return withProgress(user, session, replies, show);
            }
        }
        if (turnEffects.stream().noneMatch(Effect.ExportData.class::isInstance)) {
            return replies;
        }
        List<Reply> all = new ArrayList<>();
        try {
            all.add(Reply.text(engine.exportSummary(session, store.ratingHistory(user))));
            all.add(
                    new Reply(
                            engine.text(session, "export.caption"),
                            List.of(),
                            false,
                            export.of(user)));
        } catch (StoreUnavailableException e) {
            all.clear();
            all.add(Reply.text(engine.text(session, "error.unavailable")));
        }
        all.addAll(replies);
        return all;
    }

    private List<Reply> withProgress(
            UserKey user, Session session, List<Reply> replies, Effect.ShowProgress show) {
        List<Reply> all = new ArrayList<>();
        try {
            java.time.Instant now = clock.instant();
            dev.backcoach.core.progress.ProgressLog log =
                    store.progressLog(user, Engine.progressSince(session, now));
            all.add(engine.progress(session, log, now, show.week(), show.lead()));
        } catch (StoreUnavailableException e) {
            all.add(
                    Reply.text(
                            show.lead().isEmpty()
                                    ? engine.text(session, "error.unavailable")
                                    : show.lead()));
        }
        all.addAll(replies);
        return all;
    }
}
