package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.content.Languages;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The conversation engine: pure and deterministic. Given the user's session, one inbound event and
 * the current time, it returns the next session, the replies and the effects. It does no I/O and
 * keeps no state of its own, so it is safe to share between threads.
 *
 * <p>Every reply is in the session's language: the one the user chose, else the one the platform
 * reports, else English. The engine holds one {@link Voice} per language ({@link Voices}) and hands
 * it the turn.
 */
public final class Engine {
    /** Below Discord's 2,000 characters, the smallest message limit of the platforms. */
    public static final int MAX_MESSAGE_LENGTH = 1_900;

    private final Catalogs catalogs;
    private final Voices voices;
    private final LanguageChoice choice;

    /** English only. */
    public Engine(Catalog catalog) {
        this(Catalogs.of(catalog));
    }

    public Engine(Catalogs catalogs) {
        this.catalogs = catalogs;
        this.voices = new Voices(catalogs);
        this.choice = new LanguageChoice(catalogs, this::voice);
    }

    /**
     * Checks every language's catalog and builds its voice now, rather than at the first turn that
     * needs it.
     *
     * @throws IllegalStateException when a catalog is invalid
     */
    public void prepareAllLanguages() {
        catalogs.prepareAll();
        voices.prepareAll();
    }

    public Turn handle(Session session, Inbound inbound, Instant now) {
        Session s = choice.followPlatform(session, inbound);
        return choice.command(s, inbound).orElseGet(() -> voice(s).handle(s, inbound, now));
    }

    /** The language this session is spoken to in: a code with a catalog. */
    public String language(Session session) {
        return session.language() == null
                ? Languages.ENGLISH
                : catalogs.has(session.language().code())
                        ? session.language().code()
                        : Languages.ENGLISH;
    }

    /** The commands platforms list (menus, slash commands), in the order they show them. */
    public static List<String> commands() {
        return Commands.LISTED;
    }

    /**
     * The time zones a user may choose (tz database regions, no legacy aliases), sorted: for
     * suggestions.
     */
    public static List<String> timeZones() {
        return Zones.all();
    }

    /** The readable part of /export, shown before the full file: route, plan, reminder, ratings. */
    public String exportSummary(Session session, SortedMap<LocalDate, Integer> ratings) {
        return voice(session).exportSummary(session, ratings);
    }

    /** A fixed text (no placeholders) in the session's language: apologies, the export caption. */
    public String text(Session session, String key) {
        return voice(session).texts().get(key);
    }

    /**
     * The progress the user asked for ({@link dev.backcoach.core.model.Effect.ShowProgress}), from
     * what the store keeps since {@link #progressSince}: words, plus a chart when there is enough.
     */
    public Reply progress(
            Session session,
            dev.backcoach.core.progress.ProgressLog log,
            Instant now,
            boolean week,
            String lead) {
        return voice(session).progress(session, log, now, week, lead);
    }

    /** The first of the user's days a progress report at {@code now} reads. */
    public static LocalDate progressSince(Session session, Instant now) {
        return ProgressReport.since(session, now);
    }

    /**
     * The session's packed habits in words (latest session day, streak, milestones shown), for
     * /export.
     */
    public static Map<String, Object> habitsInWords(long habits) {
        return Habits.describe(habits);
    }

    /** The pending question as it would be shown now: used to show "where we are" after errors. */
    public Reply currentPrompt(Session session) {
        return voice(session).currentPrompt(session);
    }

    private Voice voice(Session session) {
        return voices.get(language(session));
    }
}
