package dev.backcoach.core.content;

import java.util.List;

/**
 * One screen of the safety check: "Do you have any of these right now?" with {@code lines} as a
 * short bulleted list. "Yes" asks the {@code items} (screening ids) one by one, in their order. A
 * line may cover two closely related items, so the check fits in few screens.
 */
public record CheckGroup(List<String> lines, List<String> items) {
    public CheckGroup {
        lines = List.copyOf(lines);
        items = List.copyOf(items);
    }
}
