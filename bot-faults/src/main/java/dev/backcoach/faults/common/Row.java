package dev.backcoach.faults.common;

/**
 * One line of the fault suite's table, printed to stdout as {@code ROW<tab>scenario<tab>...}:
 * scripts/fault-suite.sh collects these lines from every scenario.
 */
public record Row(
        String scenario,
        String load,
        String faults,
        long updates,
        long lost,
        long duplicated,
        long maxLatencyMillis,
        boolean pass) {

    public String line() {
        return String.join(
                "\t",
                "ROW",
                scenario,
                load,
                faults,
                Long.toString(updates),
                Long.toString(lost),
                Long.toString(duplicated),
                Long.toString(maxLatencyMillis),
                pass ? "PASS" : "FAIL");
    }
}
