package dev.backcoach.faults.discord;

import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.InteractionLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What became of each interaction of the storm, from the fake's side (acknowledged when, messages
 * after) and the bot's log (lost, and why). An interaction neither answered in time nor reported
 * lost by the bot is a silent loss.
 */
final class StormTally {
    int made;
    int undelivered;
    int ackedInTime;

    /** Answered in time, then given further messages (an edit of a deferral, follow-ups). */
    int followUpsDelivered;

    int lostLogged;
    final List<String> silent = new ArrayList<>();
    long maxAckMillis;
    long p99AckMillis;
    final List<String> lostReasons = new ArrayList<>();

    static StormTally of(FakeDiscord discord, List<StormUser.Made> made, Map<Long, String> lost) {
        StormTally t = new StormTally();
        List<Long> acks = new ArrayList<>();
        for (StormUser.Made m : made) {
            t.made++;
            InteractionLog.Outcome o = discord.outcome(m.id());
            String reason = lost.get(m.id());
            if (o == null || o.delivered() == null) {
                // Created while the gateway session was gone: Discord never delivered it (the
                // user sees "the application did not respond"); no bot can answer or log it.
                t.undelivered++;
                continue;
            }
            if (o.ackTook() != null) {
                acks.add(o.ackTook().toMillis());
            }
            boolean inTime = o.acknowledgedInTime();
            if (inTime) {
                t.ackedInTime++;
            }
            if (inTime && o.edits() + o.followUps() > 0 && reason == null) {
                t.followUpsDelivered++;
            }
            if (reason != null) {
                t.lostLogged++;
                t.lostReasons.add(m.kind() + ": " + reason);
            } else if (!inTime || !StormUser.answered(o)) {
                t.silent.add(
                        m.kind()
                                + " "
                                + m.id()
                                + " (delivered after "
                                + o.delivered().toMillis()
                                + " ms, ack type "
                                + o.ackType()
                                + (o.ackTook() == null
                                        ? ""
                                        : " after " + o.ackTook().toMillis() + " ms")
                                + ", "
                                + (o.edits() + o.followUps())
                                + " messages after)");
            }
        }
        acks.sort(Long::compare);
        if (!acks.isEmpty()) {
            t.maxAckMillis = acks.get(acks.size() - 1);
            t.p99AckMillis =
                    acks.get((int) Math.min(acks.size() - 1, Math.ceil(acks.size() * 0.99) - 1));
        }
        return t;
    }

    static long millis(Duration d) {
        return d.toMillis();
    }
}
