package dev.backcoach.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.core.service.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user chatting with the real service, turn by turn, as a person would: send text or a command,
 * press a button by its label, read what came back.
 */
public final class Chat {
    public static final Catalog CATALOG = CatalogLoader.load("en");

    /** Every language's catalog, as the bot loads them at start. */
    public static final Catalogs CATALOGS = Catalogs.load();

    private static final AtomicInteger EVENTS = new AtomicInteger();

    /**
     * People take a moment between messages; a burst within a second is a flood (see FloodTest).
     */
    public static final Duration HUMAN_PACE = Duration.ofSeconds(1);

    public final TestClock clock = TestClock.at(Instant.parse("2026-03-02T18:00:00Z"));
    public final List<Effect> effects = new ArrayList<>();
    public final ConversationService service;
    public final StateStore store;
    private final UserKey user;
    private final ChatRef chatRef;
    private List<Reply> last = List.of();

    /** The language this user's platform reports ("" for none); the catalog it leads to. */
    private final String locale;

    private final Catalog catalog;

    public Chat() {
        this(new InMemoryStateStore(), "user-1");
    }

    public Chat(StateStore store, String userId) {
        this(store, new UserKey(Platform.CONSOLE, userId));
    }

    public Chat(StateStore store, UserKey user) {
        this(store, user, "");
    }

    /** A user whose platform reports {@code locale} ("es", "es-419") on every event. */
    public Chat(StateStore store, UserKey user, String locale) {
        String userId = user.userId();
        this.store = store;
        this.user = user;
        this.chatRef = ChatRef.privateWith(userId);
        this.locale = locale;
        this.catalog = CATALOGS.get(CATALOGS.resolve(locale));
        this.service =
                new ConversationService(
                        new Engine(CATALOGS),
                        store,
                        clock,
                        effects::add,
                        CacheSettings.DEFAULT,
                        dev.backcoach.core.service.TurnObserver.NONE);
    }

    /** A new user whose platform speaks {@code locale}. */
    public static Chat speaking(String locale) {
        return new Chat(
                new InMemoryStateStore(), new UserKey(Platform.CONSOLE, "user-" + locale), locale);
    }

    /** The catalog of the language this user's platform reports. */
    public Catalog catalog() {
        return catalog;
    }

    public Chat send(String text) {
        clock.advance(HUMAN_PACE);
        String id = "e" + EVENTS.incrementAndGet();
        if (text.startsWith("/")) {
            String body = text.substring(1);
            int space = body.indexOf(' ');
            return deliver(
                    new Inbound.Command(
                            user,
                            chatRef,
                            id,
                            space < 0 ? body : body.substring(0, space),
                            space < 0 ? "" : body.substring(space + 1),
                            locale));
        }
        return deliver(new Inbound.Text(user, chatRef, id, text, locale));
    }

    /** Presses the button of the latest replies whose label starts with {@code label}. */
    public Chat press(String label) {
        clock.advance(HUMAN_PACE);
        return deliver(
                new Inbound.Choice(
                        user,
                        chatRef,
                        "e" + EVENTS.incrementAndGet(),
                        button(label).data(),
                        locale));
    }

    public Chat pressData(String data) {
        clock.advance(HUMAN_PACE);
        return deliver(
                new Inbound.Choice(user, chatRef, "e" + EVENTS.incrementAndGet(), data, locale));
    }

    public Chat deliver(Inbound inbound) {
        Turn turn = service.handle(inbound);
        last = turn.replies();
        last.forEach(Chat::assertFitsEveryPlatform);
        return this;
    }

    /**
     * Discord's and Telegram's limits, whichever is tighter, hold for every reply of every test.
     */
    static void assertFitsEveryPlatform(Reply reply) {
        assertThat(reply.text()).isNotBlank().hasSizeLessThanOrEqualTo(2_000);
        assertThat(reply.buttons()).hasSizeLessThanOrEqualTo(5);
        for (List<Button> row : reply.buttons()) {
            assertThat(row).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            for (Button b : row) {
                assertThat(b.label()).isNotBlank().hasSizeLessThanOrEqualTo(80);
                assertThat(b.data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .isBetween(1, 64);
            }
        }
    }

    public Chat fireTimer(int token) {
        return deliver(
                new Inbound.TimerFired(user, chatRef, "e" + EVENTS.incrementAndGet(), token));
    }

    /** The evening reminder, due now. */
    public Chat nudge() {
        return deliver(
                new Inbound.NudgeDue(
                        user, chatRef, "e" + EVENTS.incrementAndGet(), clock.instant(), false));
    }

    /** The reminder the user snoozed, due now. */
    public Chat snoozedNudge() {
        return deliver(
                new Inbound.NudgeDue(
                        user, chatRef, "e" + EVENTS.incrementAndGet(), clock.instant(), true));
    }

    /** Moves the clock to {@code instant} (never backwards). */
    public Chat at(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
        return this;
    }

    /** The effects of one kind carried out so far, oldest first. */
    public <T extends Effect> List<T> effects(Class<T> kind) {
        return effects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public Button button(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        return buttons().stream()
                .filter(b -> b.label().toLowerCase(Locale.ROOT).startsWith(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no button '"
                                                + label
                                                + "' in "
                                                + labels()
                                                + "\n"
                                                + text()));
    }

    public List<Button> buttons() {
        return last.isEmpty() ? List.of() : last.get(last.size() - 1).allButtons();
    }

    public List<String> labels() {
        return buttons().stream().map(Button::label).toList();
    }

    public boolean hasButton(String label) {
        return labels().stream()
                .anyMatch(
                        l -> l.toLowerCase(Locale.ROOT).startsWith(label.toLowerCase(Locale.ROOT)));
    }

    /** All text of the latest turn's replies. */
    public String text() {
        return String.join("\n---\n", last.stream().map(Reply::text).toList());
    }

    public List<Reply> replies() {
        return last;
    }

    public UserKey user() {
        return user;
    }

    public Session session() {
        return store.load(user).orElseThrow();
    }

    public String catalogText(String key) {
        return catalog.text(key);
    }

    public Chat later(Duration by) {
        clock.advance(by);
        return this;
    }

    /** /start, adult, consent: ready for the check. */
    public Chat onboarded() {
        send("/start").press(catalog.text("button.yes")).press(catalog.text("button.agree"));
        assertThat(session().onboarded()).isTrue();
        return this;
    }

    /**
     * Onboarded, No to every group of the check, and a plan with everything ticked if {@code
     * equipment}.
     */
    public Chat selfCare(boolean equipment) {
        return selfCareWith(equipment ? Equipment.values() : new Equipment[0]);
    }

    /** Onboarded, No to every group of the check, and a plan with exactly {@code have}. */
    public Chat selfCareWith(Equipment... have) {
        onboarded().send("/check");
        noToEveryGroup();
        return plan(have);
    }

    /** Ticks exactly {@code have} on the plan screen, which must be pending, then Done. */
    public Chat plan(Equipment... have) {
        java.util.List<Equipment> wanted = java.util.Arrays.asList(have);
        catalog.plan().stream()
                .filter(item -> wanted.contains(item.equipment()))
                .forEach(item -> press(item.label()));
        press(catalog.text("button.plan_done"));
        return this;
    }

    /** "No, none of these" to each group of the check, from the first. */
    public Chat noToEveryGroup() {
        for (int i = 0; i < catalog.checkGroups().size(); i++) {
            press(catalog.text("button.check_no"));
        }
        return this;
    }

    /**
     * /progress, answering the one-time time-zone question with "Use UTC" when it comes (users
     * without a reminder are asked once; ProgressZoneTest covers the question itself).
     */
    public Chat progress() {
        send("/progress");
        if (session().dialogue() instanceof dev.backcoach.core.model.Dialogue.AskZone) {
            press(catalog.text("button.use_utc"));
        }
        return this;
    }
}
