package dev.backcoach.core.content;

import java.util.List;

/**
 * A frequent question. Free text matches it when it contains every word of any one of the keyword
 * phrases (lower case).
 */
public record FaqEntry(String id, String question, List<String> keywords, String answer) {
    public FaqEntry {
        keywords = List.copyOf(keywords);
    }
}
