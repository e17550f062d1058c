package dev.backcoach.app;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Document;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat on stdin/stdout, for trying the bot and for scripts. Buttons print as {@code [1] Yes [2]
 * No}; the user answers with the number, the label, free text or a /command. Ends cleanly at end of
 * input.
 */
public final class ConsoleAdapter implements ChannelPort {
    private final BufferedReader in;
    private final PrintStream out;
    private final ConversationService service;
    private final UserKey user = new UserKey(Platform.CONSOLE, "local");
    private final ChatRef chat = ChatRef.privateWith("console");

    /** The buttons of the latest message, which numbers refer to. */
    private volatile List<Button> shown = List.of();

    private final long runId = System.currentTimeMillis();
    private long events;

    /** Where /export's file goes: the folder the chat was started in. */
    private final Path exportFolder;

    private final ConsoleCharts charts;
    private final String locale;

    public ConsoleAdapter(InputStream in, PrintStream out, ConversationService service) {
        this(in, out, service, Path.of(""), ConsoleCharts.textOnly(), "");
    }

    public ConsoleAdapter(
            InputStream in, PrintStream out, ConversationService service, Path exportFolder) {
        this(in, out, service, exportFolder, ConsoleCharts.textOnly(), "");
    }

    public ConsoleAdapter(
            InputStream in,
            PrintStream out,
            ConversationService service,
            Path exportFolder,
            ConsoleCharts charts) {
        this(in, out, service, exportFolder, charts, "");
    }

    public ConsoleAdapter(
            InputStream in,
            PrintStream out,
            ConversationService service,
            Path exportFolder,
            String locale) {
        this(in, out, service, exportFolder, ConsoleCharts.textOnly(), locale);
    }

    /**
     * @param charts draws progress charts into files (the terminal shows their path and a
     *     sparkline)
     * @param locale the terminal's language tag (BACKCOACH_LANGUAGE or LANG, "es_ES.UTF-8"), passed
     *     with every line as a platform would pass its user's language
     */
    public ConsoleAdapter(
            InputStream in,
            PrintStream out,
            ConversationService service,
            Path exportFolder,
            ConsoleCharts charts,
            String locale) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.service = service;
        this.exportFolder = exportFolder;
        this.charts = charts;
        this.locale = locale;
    }

    /**
     * Reads lines until end of input. A new user is greeted as /start does on the platforms; a
     * known one (after a restart) sees the question they were at, so nothing of their place is
     * lost.
     */
    public void run() throws IOException {
        List<Reply> where = service.currentPrompt(user);
        if (where.isEmpty()) {
            service.accept(
                    new Inbound.Command(user, chat, nextEventId(), "start", "", locale), this);
        } else {
            deliver(user, chat, where);
        }
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            service.accept(toInbound(line), this);
        }
    }

    Inbound toInbound(String line) {
        String text = line.strip();
        if (text.startsWith("/")) {
            String body = text.substring(1);
            int space = body.indexOf(' ');
            return new Inbound.Command(
                    user,
                    chat,
                    nextEventId(),
                    space < 0 ? body : body.substring(0, space),
                    space < 0 ? "" : body.substring(space + 1),
                    locale);
        }
        List<Button> buttons = shown;
        for (Button b : buttons) {
            if (b.label().equals(text)) {
                return new Inbound.Choice(user, chat, nextEventId(), b.data(), locale);
            }
        }
        if (text.matches("\\d{1,2}")) {
            int index = Integer.parseInt(text) - 1;
            if (index >= 0 && index < buttons.size() && !isNumber(buttons.get(index).label())) {
                return new Inbound.Choice(
                        user, chat, nextEventId(), buttons.get(index).data(), locale);
            }
        }
        return new Inbound.Text(user, chat, nextEventId(), line, locale);
    }

    @Override
    public synchronized void deliver(UserKey to, ChatRef where, List<Reply> replies) {
        for (Reply reply : replies) {
            out.println(reply.text());
            if (reply.chart() != null) {
                charts.show(reply.chart()).forEach(out::println);
            }
            if (reply.document() != null) {
                out.println(save(reply.document()));
            }
            if (!reply.buttons().isEmpty()) {
                out.println(renderButtons(reply.buttons()));
                shown = reply.allButtons();
            }
            out.println();
        }
        out.flush();
    }

    /**
     * A file goes to disk, as on the platforms it arrives as an attachment: pages of JSON are no
     * chat.
     */
    private String save(Document document) {
        Path file = exportFolder.resolve(document.fileName()).toAbsolutePath();
        try {
            Files.write(file, document.content());
            return "📎 " + file;
        } catch (IOException e) {
            return "📎 ✗ " + file + ": " + e.getMessage();
        }
    }

    /**
     * {@code [1] Yes [2] No}, one line per row; numbers and times (ratings, 20:00) show as
     * themselves.
     */
    static String renderButtons(List<List<Button>> rows) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        for (List<Button> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Button b : row) {
                cells.add(
                        isNumber(b.label())
                                ? "[" + b.label() + "]"
                                : "[" + number + "] " + b.label());
                number++;
            }
            lines.add(String.join("  ", cells));
        }
        return String.join("\n", lines);
    }

    /** Ratings and clock times: a typed number is that value, never the button at that position. */
    private static boolean isNumber(String label) {
        return label.matches("\\d+|\\d{1,2}:\\d{2}");
    }

    /** Unique across runs too: a durable store would otherwise replay an earlier run's replies. */
    private synchronized String nextEventId() {
        events++;
        return "console-" + runId + "-" + events;
    }
}
