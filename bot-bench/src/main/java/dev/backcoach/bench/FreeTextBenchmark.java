package dev.backcoach.bench;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.safety.Finding;
import dev.backcoach.core.safety.RedFlagDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What safety in free text costs, on one thread, on the labelled corpora's typed messages (see
 * {@link #mix}). {@code detect}: the red-flag screen alone. {@code typedTurn}: a whole engine turn
 * for a typed message at the menu, screen included. {@code pressTurn}, the peer in the same run: a
 * button press (Next/Back in a technique), the turn that carries no text to screen.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class FreeTextBenchmark {
    private static final UserKey USER = new UserKey(Platform.TELEGRAM, "bench");
    private static final ChatRef CHAT = ChatRef.privateWith("bench");
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");

    /**
     * {@code corpora}: every labelled message, half of them warning signs. {@code everyday}: the
     * benign messages and the FAQ questions, closer to what people type on a normal day.
     */
    @Param({"corpora", "everyday"})
    public String mix = "corpora"; // JMH sets it before the set-up runs

    private RedFlagDetector detector;
    private Engine engine;
    private List<String> messages;
    private Session atMenu;
    private Session inTechnique;
    private int next;
    private boolean forward;

    @Setup
    public void setUp() {
        Catalog catalog = CatalogLoader.load("en");
        detector = new RedFlagDetector(catalog.redflags());
        engine = new Engine(catalog);
        messages = new ArrayList<>();
        for (String file : List.of("redflags.tsv", "redflags-holdout.tsv", "redflags-blind.tsv")) {
            messages.addAll(texts(file, mix.equals("everyday")));
        }
        for (String file : List.of("faq.tsv", "faq-blind.tsv")) {
            messages.addAll(texts(file, false));
        }
        LocalDate today = LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC);
        atMenu =
                Session.fresh(USER)
                        .withOnboarding(true, true)
                        .withRoute(Route.SELF_CARE, today)
                        .withEquipment(0b111111);
        inTechnique =
                atMenu.withDialogue(
                        new Dialogue.Guiding(
                                new Guide(Guide.Kind.TECHNIQUE, "tennis_balls", 2, 0)));
    }

    @Benchmark
    public Finding detect() {
        return detector.detect(nextMessage());
    }

    @Benchmark
    public Turn typedTurn() {
        return engine.handle(atMenu, new Inbound.Text(USER, CHAT, "e", nextMessage()), NOW);
    }

    @Benchmark
    public Turn pressTurn() {
        forward = !forward;
        Turn turn =
                engine.handle(
                        inTechnique,
                        new Inbound.Choice(
                                USER,
                                CHAT,
                                "e",
                                inTechnique.promptSeq() + (forward ? ".next" : ".back")),
                        NOW);
        inTechnique = turn.session();
        return turn;
    }

    private String nextMessage() {
        next = next + 1 == messages.size() ? 0 : next + 1;
        return messages.get(next);
    }

    /**
     * The last column of a corpus file, without its header; only benign lines if {@code
     * benignOnly}.
     */
    static List<String> texts(String file, boolean benignOnly) {
        try (InputStream in = FreeTextBenchmark.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("corpus " + file + " is not on the class path");
            }
            List<String> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split("\t", -1);
                if (!lines[i].isBlank() && (!benignOnly || cells[0].equals("BENIGN"))) {
                    out.add(cells[cells.length - 1]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
