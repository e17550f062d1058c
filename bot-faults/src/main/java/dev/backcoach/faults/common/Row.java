package dev.backcoach.faults.common;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the fault suite's table, printed on stdout as {@code ROW\t...} for {@code
 * scripts/fault-suite.sh} to collect; the checks that failed go to stderr, one a line.
 */
public final class Row {
    private final String scenario;
    private final String load;
    private final String faults;
    private final List<String> failures = new ArrayList<>();

    public Row(String scenario, String load, String faults) {
        this.scenario = scenario;
        this.load = load;
        this.faults = faults;
    }

    /** Records a failed check unless {@code ok}. */
    public void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** Prints the row (and each failure) and returns the exit code: 0 passed, 1 failed. */
    public int print(long updates, long lost, long duplicated, long maxLatencyMs) {
        for (String failure : failures) {
            System.err.println("FAIL " + scenario + ": " + failure);
        }
        System.out.println(
                String.join(
                        "\t",
                        "ROW",
                        scenario,
                        load,
                        faults,
                        Long.toString(updates),
                        Long.toString(lost),
                        Long.toString(duplicated),
                        Long.toString(maxLatencyMs),
                        passed() ? "PASS" : "FAIL"));
        System.out.flush();
        return passed() ? 0 : 1;
    }

    /** "short" (CI, the default) or "full", from FAULT_MODE. */
    public static boolean full() {
        return "full".equalsIgnoreCase(System.getenv().getOrDefault("FAULT_MODE", "short"));
    }
}
