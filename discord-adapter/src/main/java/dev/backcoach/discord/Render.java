package dev.backcoach.discord;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Reply;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Replies as Discord messages within Discord's limits: content up to 2,000 characters (longer texts
 * continue in further messages), button labels up to 80, at most 5 buttons a row and 5 rows a
 * message (more rows continue in a message of their own).
 */
final class Render {
    static final int MAX_CONTENT = 2_000;
    static final int MAX_LABEL = 80;
    static final int MAX_PER_ROW = 5;
    static final int MAX_ROWS = 5;

    private Render() {}

    /**
     * The messages of {@code replies}, in order; buttons carry {@code owner} so others' clicks are
     * told apart.
     */
    static List<MessageCreateData> messages(List<Reply> replies, String owner) {
        List<MessageCreateData> out = new ArrayList<>();
        for (Reply reply : replies) {
            List<String> parts = split(reply.text(), MAX_CONTENT);
            List<List<ActionRow>> rowGroups = rowGroups(reply.buttons(), owner);
            for (int i = 0; i < parts.size(); i++) {
                MessageCreateBuilder message = new MessageCreateBuilder().setContent(parts.get(i));
                if (i == parts.size() - 1) {
                    if (!rowGroups.isEmpty()) {
                        message.setComponents(rowGroups.get(0));
                    }
                    if (reply.document() != null) {
                        message.setFiles(
                                FileUpload.fromData(
                                        reply.document().content(), reply.document().fileName()));
                    }
                }
                out.add(message.build());
            }
            for (List<ActionRow> more :
                    rowGroups.subList(Math.min(1, rowGroups.size()), rowGroups.size())) {
                out.add(new MessageCreateBuilder().setComponents(more).build());
            }
        }
        return out;
    }

    /** The engine's rows, each cut into rows of at most five, grouped five rows to a message. */
    static List<List<ActionRow>> rowGroups(List<List<Button>> buttons, String owner) {
        List<ActionRow> rows = new ArrayList<>();
        for (List<Button> row : buttons) {
            for (int from = 0; from < row.size(); from += MAX_PER_ROW) {
                rows.add(
                        ActionRow.of(
                                row.subList(from, Math.min(row.size(), from + MAX_PER_ROW)).stream()
                                        .map(b -> component(b, owner))
                                        .toList()));
            }
        }
        List<List<ActionRow>> groups = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            groups.add(rows.subList(from, Math.min(rows.size(), from + MAX_ROWS)));
        }
        return groups;
    }

    private static net.dv8tion.jda.api.components.buttons.Button component(
            Button button, String owner) {
        // Discord replies in servers are already private to the user: "continue privately" is the
        // command itself.
        String data =
                button.privateChatPayload().map(payload -> "/" + payload).orElse(button.data());
        String label =
                button.label().length() <= MAX_LABEL
                        ? button.label()
                        : button.label().substring(0, MAX_LABEL - 1) + "\u2026";
        return net.dv8tion.jda.api.components.buttons.Button.secondary(
                new CustomId(owner, data).encode(), label);
    }

    /**
     * Cuts at the last line break (else space) before {@code max}; never inside a surrogate pair.
     */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest =
                text; // an empty text only comes with buttons or a file, which Discord accepts
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
            }
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }
}
