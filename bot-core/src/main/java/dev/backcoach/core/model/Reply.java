package dev.backcoach.core.model;

import dev.backcoach.core.progress.ProgressHistory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message to the user, platform-neutral: plain text plus rows of buttons.
 *
 * @param document a file to attach, or null
 * @param replacePrevious a hint that this message continues the previous one (the next step of a
 *     technique), so a platform that can edit messages should edit it in place
 * @param stale the answer to a button from an outdated message: a platform should show it as a new
 *     message and leave the pressed one as it was
 * @param pressNote a short answer to a button press that changed nothing ("already chosen"): the
 *     pressed message stays as it is, and a platform with a small notice for presses shows it there
 * @param chart a progress chart to render and send with this message (the text is its caption and
 *     says the same numbers in words), or null
 */
public record Reply(
        String text,
        List<List<Button>> buttons,
        boolean replacePrevious,
        @Nullable Document document,
        boolean stale,
        boolean pressNote,
        @Nullable ProgressHistory chart) {
    public Reply {
        buttons = buttons.stream().map(List::copyOf).toList();
    }

    public Reply(
            String text,
            List<List<Button>> buttons,
            boolean replacePrevious,
            @Nullable Document document,
            boolean stale,
            boolean pressNote) {
        this(text, buttons, replacePrevious, document, stale, pressNote, null);
    }

    public Reply(
            String text,
            List<List<Button>> buttons,
            boolean replacePrevious,
            @Nullable Document document) {
        this(text, buttons, replacePrevious, document, false, false);
    }

    public Reply(String text, List<List<Button>> buttons, boolean replacePrevious) {
        this(text, buttons, replacePrevious, null);
    }

    public static Reply pressNote(String text) {
        return new Reply(text, List.of(), false, null, false, true);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(), false);
    }

    public List<Button> allButtons() {
        return buttons.stream().flatMap(List::stream).toList();
    }
}
