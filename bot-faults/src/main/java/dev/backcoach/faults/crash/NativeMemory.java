package dev.backcoach.faults.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's own account of its native memory (Native Memory Tracking, started with {@code
 * -XX:NativeMemoryTracking=summary}): a baseline once warm, then what each area committed since. It
 * names where resident memory went when it grows (code cache, compiler arenas, classes, thread
 * stacks, the collector, buffers) where /proc shows only one number.
 */
final class NativeMemory {
    static final String TRACKING = "-XX:NativeMemoryTracking=summary";
    private static final Pattern TOTAL =
            Pattern.compile(
                    "Total: reserved=\\d+KB(?: [+-]\\d+KB)?, committed=(\\d+)KB(?: ([+-]\\d+)KB)?");
    private static final Pattern AREA =
            Pattern.compile(
                    "^-\\s+(.+?) \\(reserved=\\d+KB(?: [+-]\\d+KB)?, committed=(\\d+)KB(?: ([+-]\\d+)KB)?",
                    Pattern.MULTILINE);

    private final long pid;
    private final Path dir;

    NativeMemory(long pid, Path dir) {
        this.pid = pid;
        this.dir = dir;
    }

    void baseline() throws IOException, InterruptedException {
        ProcessGauges.jcmd(pid, "VM.native_memory baseline");
    }

    /**
     * The change since the baseline, kept in {@code nmt-<label>.txt}: the total committed and the
     * areas that moved by a mebibyte or more, as one line.
     */
    String diff(String label) throws IOException, InterruptedException {
        String out = ProcessGauges.jcmd(pid, "VM.native_memory summary.diff");
        Files.writeString(dir.resolve("nmt-" + label + ".txt"), out, StandardCharsets.UTF_8);
        Matcher total = TOTAL.matcher(out);
        if (!total.find()) {
            return "NMT: no summary";
        }
        List<String> moved = new ArrayList<>();
        Matcher area = AREA.matcher(out);
        while (area.find()) {
            long delta = area.group(3) == null ? 0 : Long.parseLong(area.group(3));
            if (Math.abs(delta) >= 1024) {
                moved.add(area.group(1) + " " + signed(delta));
            }
        }
        long totalDelta = total.group(2) == null ? 0 : Long.parseLong(total.group(2));
        return String.format(
                "NMT committed %d MiB (%s)%s",
                Long.parseLong(total.group(1)) / 1024,
                signed(totalDelta),
                moved.isEmpty() ? "" : ": " + String.join(", ", moved));
    }

    private static String signed(long kb) {
        return String.format("%+.1f MiB", kb / 1024.0);
    }
}
