package dev.backcoach.faults.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a soak watches in the bot's process, read from outside as an operator would: the heap after
 * a full collection (jcmd), resident memory, threads and open files (/proc), and the size of the
 * SQLite write-ahead log.
 */
record ProcessGauges(long heapKb, long rssKb, long threads, long fds, long walKb) {
    /** A heap's or a generation's line (G1: one heap; serial: young and old generations). */
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    /**
     * Reads the gauges; with {@code fullGc}, the heap is measured right after a full collection.
     */
    static ProcessGauges read(long pid, Path wal, boolean fullGc)
            throws IOException, InterruptedException {
        long heap = -1;
        if (fullGc) {
            jcmd(pid, "GC.run");
            Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
            while (m.find()) {
                heap = Math.max(heap, 0) + Long.parseLong(m.group(1));
            }
        }
        long rss = -1;
        long threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = open.count();
        }
        long walKb = Files.exists(wal) ? Files.size(wal) / 1024 : 0;
        return new ProcessGauges(heap, rss, threads, fds, walKb);
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p =
                new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                        .redirectErrorStream(true)
                        .start();
        String out =
                new String(
                        p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    String line() {
        return String.format(
                "%sRSS %d MiB, %d threads, %d open files, WAL %d KiB",
                heapKb < 0 ? "" : "heap after full GC " + heapKb / 1024 + " MiB, ",
                rssKb / 1024,
                threads,
                fds,
                walKb);
    }
}
