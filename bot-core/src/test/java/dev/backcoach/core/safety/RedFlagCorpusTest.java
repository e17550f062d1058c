package dev.backcoach.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Languages;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Language;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled corpus played through the real engine: a self-care user at the menu types each
 * message and answers any confirming question truthfully (Yes only when it asks about the sign they
 * reported). The test prints the confusion table and fails below the goals.
 */
class RedFlagCorpusTest {
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");
    private static final List<String> COLUMNS =
            List.of("EMERGENCY", "SEE_CLINICIAN", "CLEAR_FIRST", "guidance");

    private final Engine engine = new Engine(Chat.CATALOGS);

    /**
     * English's three sets, then {@code redflags-<language>.tsv} for every other language whose
     * corpus is present: a language's rules are measured on its own people's words.
     */
    static List<String> corpora() {
        List<String> files =
                new java.util.ArrayList<>(
                        List.of("redflags.tsv", "redflags-holdout.tsv", "redflags-blind.tsv"));
        for (String code : Languages.KNOWN) {
            String file = "redflags-" + code + ".tsv";
            if (!code.equals(Languages.ENGLISH)
                    && RedFlagCorpusTest.class.getResource("/corpus/" + file) != null) {
                files.add(file);
            }
        }
        return files;
    }

    /** "redflags-es.tsv" is Spanish; English's sets carry no language in their names. */
    static String language(String file) {
        for (String code : Languages.KNOWN) {
            if (file.equals("redflags-" + code + ".tsv")) {
                return code;
            }
        }
        return Languages.ENGLISH;
    }

    /** How one message ended: the route (or guidance), and how many questions it took. */
    private record Played(String landed, int questions) {}

    /**
     * {@code redflags.tsv} is the set the rules were written against; {@code redflags-holdout.tsv}
     * was written blind to them, so its figures say how the rules do on text nobody tuned them for.
     */
    @ParameterizedTest
    @MethodSource("corpora")
    void recallAndPrecisionMeetTheGoals(String file) {
        List<LabelledMessage> corpus = LabelledMessage.corpus(file);
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        Map<String, Integer> atOnce = new LinkedHashMap<>();
        StringBuilder misses = new StringBuilder();
        StringBuilder asked = new StringBuilder();
        for (LabelledMessage m : corpus) {
            Played played = play(m, language(file));
            table.computeIfAbsent(m.expect(), k -> new LinkedHashMap<>())
                    .merge(played.landed(), 1, Integer::sum);
            if (played.questions() == 0) {
                atOnce.merge(m.expect(), 1, Integer::sum);
            }
            if (played.questions() > 0 && m.expect().equals("EMERGENCY")) {
                asked.append(
                        String.format("  %-20s %d %s%n", m.flag(), played.questions(), m.text()));
            }
            if (!acceptable(m.expect(), played.landed())) {
                misses.append(
                        String.format(
                                "  %-13s %-20s -> %-13s %s%n",
                                m.expect(), m.flag(), played.landed(), m.text()));
            }
        }
        System.out.println(report(file, table, atOnce, corpus.size()));
        System.out.println("Not routed as labelled:\n" + misses);
        System.out.println("Emergencies that took a confirming question first:\n" + asked);

        assertThat(share(table, "EMERGENCY", "EMERGENCY")).as("emergency recall").isEqualTo(1.0);
        assertThat(atLeast(table, "SEE_CLINICIAN"))
                .as("see-a-clinician recall")
                .isGreaterThanOrEqualTo(0.98);
        assertThat(atLeast(table, "CLEAR_FIRST"))
                .as("clear-first recall")
                .isGreaterThanOrEqualTo(0.98);
        assertThat(share(table, LabelledMessage.BENIGN, "guidance"))
                .as("benign messages reaching guidance")
                .isGreaterThanOrEqualTo(0.95);
    }

    /** Over-triage is acceptable, under-triage is not; benign messages must reach guidance. */
    private static boolean acceptable(String expect, String landed) {
        if (expect.equals(LabelledMessage.BENIGN)) {
            return landed.equals("guidance");
        }
        return !landed.equals("guidance") && COLUMNS.indexOf(landed) <= COLUMNS.indexOf(expect);
    }

    private Played play(LabelledMessage m, String language) {
        UserKey user = new UserKey(Platform.CONSOLE, "corpus");
        ChatRef chat = ChatRef.privateWith("corpus");
        Session session =
                Session.fresh(user)
                        .withOnboarding(true, true)
                        .withRoute(
                                Route.SELF_CARE, LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC))
                        .withLanguage(new Language(language, true));
        Turn turn = engine.handle(session, new Inbound.Text(user, chat, "t", m.text()), NOW);
        int questions = 0;
        while (turn.session().dialogue() instanceof Dialogue.ConfirmFlag confirm) {
            questions++;
            assertThat(questions)
                    .as("questions for: " + m.text())
                    .isLessThanOrEqualTo(RedFlagDetector.MAX_QUESTIONS);
            boolean truthful = confirm.asks().get(0).equals(m.flag());
            Button answer =
                    turn.replies()
                            .get(turn.replies().size() - 1)
                            .buttons()
                            .get(0)
                            .get(truthful ? 0 : 1);
            turn =
                    engine.handle(
                            turn.session(),
                            new Inbound.Choice(user, chat, "c" + questions, answer.data()),
                            NOW);
        }
        Route route = turn.session().route();
        String landed = route == Route.SELF_CARE ? "guidance" : route.name();
        return new Played(landed, questions);
    }

    private static double share(
            Map<String, Map<String, Integer>> table, String row, String column) {
        Map<String, Integer> counts = table.getOrDefault(row, Map.of());
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 1.0 : counts.getOrDefault(column, 0) / (double) total;
    }

    /** The share of a row routed to its tier or a more urgent one. */
    private static double atLeast(Map<String, Map<String, Integer>> table, String row) {
        double sum = 0;
        for (String column : COLUMNS.subList(0, COLUMNS.indexOf(row) + 1)) {
            sum += share(table, row, column);
        }
        return sum;
    }

    private static String report(
            String file,
            Map<String, Map<String, Integer>> table,
            Map<String, Integer> atOnce,
            int total) {
        StringBuilder out =
                new StringBuilder("Red-flag corpus " + file + ": " + total + " messages\n");
        out.append(String.format("%-14s", "labelled \\ got"));
        COLUMNS.forEach(c -> out.append(String.format("%14s", c)));
        out.append(String.format("%12s%12s%n", "recall", "no question"));
        Map<String, Integer> columnTotals = new LinkedHashMap<>();
        for (var row : table.entrySet()) {
            out.append(String.format("%-14s", row.getKey()));
            for (String c : COLUMNS) {
                int n = row.getValue().getOrDefault(c, 0);
                columnTotals.merge(c, n, Integer::sum);
                out.append(String.format("%14d", n));
            }
            double recall =
                    row.getKey().equals(LabelledMessage.BENIGN)
                            ? share(table, row.getKey(), "guidance")
                            : atLeast(table, row.getKey());
            int rowTotal = row.getValue().values().stream().mapToInt(Integer::intValue).sum();
            out.append(
                    String.format(
                            "%11.1f%%%12s%n",
                            100 * recall, atOnce.getOrDefault(row.getKey(), 0) + "/" + rowTotal));
        }
        out.append(String.format("%-14s", "precision"));
        for (String c : COLUMNS) {
            int n = columnTotals.getOrDefault(c, 0);
            int right =
                    table.getOrDefault(c.equals("guidance") ? LabelledMessage.BENIGN : c, Map.of())
                            .getOrDefault(c, 0);
            out.append(String.format("%13.1f%%", n == 0 ? 100.0 : 100.0 * right / n));
        }
        return out.append('\n').toString();
    }
}
