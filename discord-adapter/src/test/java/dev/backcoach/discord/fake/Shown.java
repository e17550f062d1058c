package dev.backcoach.discord.fake;

import java.util.List;
import java.util.Optional;

/**
 * A message as its user sees it, after every edit so far.
 *
 * @param ephemeral flag 64: only this user sees it
 * @param dm sent in the bot's DM channel with the user (not as an interaction answer)
 * @param edits how often it was edited in place
 */
public record Shown(
        long id,
        long userId,
        String content,
        boolean ephemeral,
        boolean dm,
        List<List<Key>> rows,
        int edits,
        List<String> files) {

    /** A button: its label and its custom_id. */
    public record Key(String label, String customId) {}

    public boolean hasButtons() {
        return !rows.isEmpty();
    }

    public Optional<Key> button(String labelStart) {
        return rows.stream()
                .flatMap(List::stream)
                .filter(k -> k.label().startsWith(labelStart))
                .findFirst();
    }

    public List<String> labels() {
        return rows.stream().flatMap(List::stream).map(Key::label).toList();
    }
}
