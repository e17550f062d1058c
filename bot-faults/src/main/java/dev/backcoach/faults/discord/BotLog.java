package dev.backcoach.faults.discord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's log as the drivers judge it: the interactions it reported lost (with their reason), and
 * the failures nobody handled (ERROR lines followed by a stack trace, dead threads).
 */
final class BotLog {
    private static final Pattern LOST = Pattern.compile("Discord interaction (-?\\d+) lost: (.*)");

    private final List<String> lines;

    private BotLog(List<String> lines) {
        this.lines = lines;
    }

    static BotLog read(Path file) {
        try {
            return new BotLog(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Interaction id to the reason the bot logged for losing it (the last one logged). */
    Map<Long, String> lost() {
        Map<Long, String> out = new HashMap<>();
        for (String line : lines) {
            Matcher m = LOST.matcher(line);
            if (m.find()) {
                out.put(Long.parseLong(m.group(1)), m.group(2));
            }
        }
        return out;
    }

    /** ERROR lines (with the stack trace's first line when one follows) and dead threads. */
    List<String> unhandled() {
        return errors(true);
    }

    /** ERROR lines without a stack trace: a library's report of a fault (logged, then handled). */
    List<String> reported() {
        return errors(false);
    }

    private List<String> errors(boolean withTrace) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            boolean trace =
                    next.startsWith("\tat ") || next.matches("^[\\w.$]+(Exception|Error)\\b.*");
            if (line.startsWith("Exception in thread")) {
                if (withTrace) {
                    out.add(line);
                }
            } else if (line.contains(" ERROR ") && trace == withTrace) {
                out.add(withTrace ? line + " | " + next : line);
            }
        }
        return out;
    }

    /** Lines containing {@code text}. */
    long count(String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }
}
