package dev.backcoach.telegram.fake;

import dev.backcoach.telegram.fake.TelegramHtml.Entity;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The entity a closed HTML tag makes, with tdlib's checks of its attributes. */
final class TagEntity {

    /**
     * A start tag not closed yet; {@code attributes} is mutable (a nested code adds a language).
     */
    record OpenTag(String tag, Map<String, String> attributes, int utf16Start, int byteOffset) {}

    private TagEntity() {}

    /**
     * Adds the entity of {@code top}, closed at {@code end} (UTF-16), to {@code entities}.
     *
     * @return tdlib's error message, or null
     */
    static String close(
            OpenTag top,
            Deque<OpenTag> stillOpen,
            int end,
            List<Entity> entities,
            List<String> warnings) {
        int length = end - top.utf16Start();
        Map<String, String> a = top.attributes();
        String type;
        String url = null;
        String language = null;
        String emoji = null;
        Long unixTime = null;
        String format = null;
        switch (top.tag()) {
            case "b", "strong" -> type = "bold";
            case "i", "em" -> type = "italic";
            case "u", "ins" -> type = "underline";
            case "s", "strike", "del" -> type = "strikethrough";
            case "span", "tg-spoiler" -> type = "spoiler";
            case "a" -> {
                url = a.get("href");
                if (url == null || url.isEmpty()) {
                    warnings.add(
                            "<a> at byte offset "
                                    + top.byteOffset()
                                    + " has no href: Telegram links the text itself");
                }
                type = "text_link";
            }
            case "code" -> {
                String cls = a.get("class");
                OpenTag parent = stillOpen.peek();
                if (parent != null
                        && parent.tag().equals("pre")
                        && cls != null
                        && cls.startsWith("language-")) {
                    // The language goes to the enclosing pre entity; this code tag makes no entity
                    // of its own.
                    parent.attributes().put("language", cls.substring("language-".length()));
                    return null;
                }
                type = "code";
            }
            case "pre" -> {
                type = "pre";
                language = a.get("language");
            }
            case "blockquote" ->
                    type = a.containsKey("expandable") ? "expandable_blockquote" : "blockquote";
            case "tg-emoji" -> {
                emoji = a.get("emoji-id");
                if (emoji == null || !emoji.matches("[0-9]{1,19}") || emoji.matches("0+")) {
                    return "Invalid custom emoji identifier specified";
                }
                type = "custom_emoji";
            }
            case "tg-time" -> {
                String unix = a.get("unix");
                if (unix == null || !unix.matches("[0-9]{1,12}")) {
                    return "Invalid Unix time specified";
                }
                unixTime = Long.parseLong(unix);
                format = a.get("format");
                if (format != null
                        && !format.isEmpty()
                        && !format.equals("r")
                        && !format.matches("[tTdDwW]+")) {
                    return "Invalid date format used";
                }
                type = "date_time";
            }
            default -> throw new IllegalStateException(top.tag());
        }
        if (length > 0) {
            entities.add(
                    new Entity(
                            type,
                            top.utf16Start(),
                            length,
                            url,
                            language,
                            emoji,
                            unixTime,
                            format == null || format.isEmpty() ? null : format));
        }
        return null;
    }
}
