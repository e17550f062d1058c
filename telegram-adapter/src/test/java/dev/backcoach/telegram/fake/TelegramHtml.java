package dev.backcoach.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's {@code parse_mode=HTML}, parsed the way the server does it (tdlib's {@code
 * parse_html}), plus the documented rule the server is lenient about.
 *
 * <p>Supported: {@code b strong i em u ins s strike del}, {@code span class="tg-spoiler"}, {@code
 * tg-spoiler}, {@code a href}, {@code code}, {@code pre} (optionally with a nested {@code code
 * class="language-…"}), {@code blockquote} (optionally {@code expandable}), {@code tg-emoji
 * emoji-id}, {@code tg-time unix format}. Entities: {@code &lt; &gt; &amp; &quot;} and numeric
 * {@code &#NNN;} / {@code &#xHH;}. Tag names are case-insensitive, attribute values may be quoted
 * or bare name tokens, unknown attributes are ignored, {@code </>} closes whatever is open, as in
 * tdlib.
 *
 * <p>Errors carry tdlib's wording ({@code Unsupported start tag "x" at byte offset N}, {@code Can't
 * find end tag corresponding to start tag "b"}, {@code Unmatched end tag at byte offset N, expected
 * "</i>", found "</b>"}, …; offsets in UTF-8 bytes of the original text). Stricter than the server:
 * a bare {@code >}, or an {@code &} that starts none of the entities above, is an error here, as
 * the Bot API documentation demands ("All {@code <}, {@code >} and {@code &} symbols that are not a
 * part of a tag or an HTML entity must be replaced with the corresponding HTML entities"); the real
 * server passes them through as text. Warnings (the request passes) are raised for an entity
 * without its {@code ;} and for {@code <a>} without href.
 */
final class TelegramHtml {

    /**
     * A formatting entity of the parsed text; offsets and lengths in UTF-16 code units, as Telegram
     * counts.
     */
    record Entity(
            String type,
            int offset,
            int length,
            String url,
            String language,
            String customEmojiId,
            Long unixTime,
            String dateTimeFormat) {}

    /**
     * The result: {@code text} without tags and with entities decoded, or {@code error} (tdlib's
     * message, to be prefixed with {@code "Bad Request: can't parse entities: "}) when Telegram
     * would reject the text.
     */
    record Result(String text, List<Entity> entities, String error, List<String> warnings) {

        boolean ok() {
            return error == null;
        }
    }

    private static final Set<String> TAGS =
            Set.of(
                    "a",
                    "b",
                    "strong",
                    "i",
                    "em",
                    "s",
                    "strike",
                    "del",
                    "u",
                    "ins",
                    "tg-spoiler",
                    "tg-emoji",
                    "tg-time",
                    "span",
                    "pre",
                    "code",
                    "blockquote");

    private TelegramHtml() {}

    private record Open(
            String tag, Map<String, String> attributes, int utf16Start, int byteOffset) {}

    static Result parse(String html) {
        StringBuilder out = new StringBuilder(html.length());
        List<Entity> entities = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '&') {
                int[] decoded = decodeEntity(html, i);
                if (decoded == null) {
                    return error(
                            "Character '&' must be escaped as \"&amp;\" when it does not start one of the entities "
                                    + "&lt; &gt; &amp; &quot; &#NNN; &#xHH; (at byte offset "
                                    + byteOffset(html, i)
                                    + ")",
                            warnings);
                }
                if (decoded[0] >= 0xD800 && decoded[0] <= 0xDFFF) {
                    return error(
                            "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
                                    + "surrogate code units",
                            warnings);
                }
                if (decoded[1] == 0) {
                    warnings.add(
                            "entity "
                                    + html.substring(i, decoded[2])
                                    + " at byte offset "
                                    + byteOffset(html, i)
                                    + " lacks its ';' (Telegram decodes it anyway)");
                }
                out.appendCodePoint(decoded[0]);
                i = decoded[2];
                continue;
            }
            if (c == '>') {
                return error(
                        "Character '>' must be escaped as \"&gt;\" (at byte offset "
                                + byteOffset(html, i)
                                + ")",
                        warnings);
            }
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            int begin = i;
            int beginByte = byteOffset(html, begin);
            i++;
            if (i < n && html.charAt(i) == '/') {
                if (open.isEmpty()) {
                    return error("Unexpected end tag at byte offset " + beginByte, warnings);
                }
                int nameStart = i + 1;
                i = nameStart;
                while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                    i++;
                }
                String endName = html.substring(nameStart, i);
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i >= n || html.charAt(i) != '>') {
                    return error("Unclosed end tag at byte offset " + beginByte, warnings);
                }
                i++;
                Open top = open.pop();
                if (!endName.isEmpty() && !endName.equals(top.tag())) {
                    return error(
                            "Unmatched end tag at byte offset "
                                    + beginByte
                                    + ", expected \"</"
                                    + top.tag()
                                    + ">\", found \"</"
                                    + endName
                                    + ">\"",
                            warnings);
                }
                String problem = close(top, open, out.length(), entities, warnings);
                if (problem != null) {
                    return error(problem, warnings);
                }
                continue;
            }
            int nameStart = i;
            while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                i++;
            }
            if (i >= n) {
                return error("Unclosed start tag at byte offset " + beginByte, warnings);
            }
            String tag = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (!TAGS.contains(tag)) {
                return error(
                        "Unsupported start tag \"" + tag + "\" at byte offset " + beginByte,
                        warnings);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            while (true) {
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return error(
                            "Unclosed start tag \"" + tag + "\" at byte offset " + beginByte,
                            warnings);
                }
                if (html.charAt(i) == '>') {
                    i++;
                    break;
                }
                int attrStart = i;
                while (i < n
                        && !isSpace(html.charAt(i))
                        && html.charAt(i) != '='
                        && html.charAt(i) != '>') {
                    i++;
                }
                String attr = html.substring(attrStart, i).toLowerCase(Locale.ROOT);
                if (attr.isEmpty()) {
                    return error(
                            "Empty attribute name in the tag \""
                                    + tag
                                    + "\" at byte offset "
                                    + beginByte,
                            warnings);
                }
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i >= n || html.charAt(i) != '=') {
                    attributes.putIfAbsent(attr, "");
                    continue;
                }
                i++;
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return error(
                            "Unclosed start tag \"" + tag + "\" at byte offset " + beginByte,
                            warnings);
                }
                String value;
                char q = html.charAt(i);
                if (q == '"' || q == '\'') {
                    int close = html.indexOf(q, i + 1);
                    if (close < 0) {
                        return error("Unclosed start tag at byte offset " + beginByte, warnings);
                    }
                    value = decodeLeniently(html.substring(i + 1, close));
                    i = close + 1;
                    if (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                        return error(
                                "Unexpected end of string literal at byte offset "
                                        + byteOffset(html, i),
                                warnings);
                    }
                } else {
                    int tokenStart = i;
                    while (i < n
                            && (Character.isLetterOrDigit(html.charAt(i))
                                    || html.charAt(i) == '.'
                                    || html.charAt(i) == '-')) {
                        i++;
                    }
                    value = html.substring(tokenStart, i).toLowerCase(Locale.ROOT);
                    if (i >= n || (!isSpace(html.charAt(i)) && html.charAt(i) != '>')) {
                        return error(
                                "Unexpected end of name token at byte offset "
                                        + byteOffset(html, tokenStart),
                                warnings);
                    }
                }
                attributes.put(attr, value);
            }
            if (tag.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
                return error(
                        "Tag \"span\" must have class \"tg-spoiler\" at byte offset " + beginByte,
                        warnings);
            }
            open.push(new Open(tag, attributes, out.length(), beginByte));
        }
        if (!open.isEmpty()) {
            return error(
                    "Can't find end tag corresponding to start tag \"" + open.peek().tag() + "\"",
                    warnings);
        }
        entities.sort(
                (a, b) ->
                        a.offset() != b.offset()
                                ? Integer.compare(a.offset(), b.offset())
                                : Integer.compare(b.length(), a.length()));
        return new Result(out.toString(), List.copyOf(entities), null, List.copyOf(warnings));
    }

    /** Plain text of valid HTML, or the input unchanged if it does not parse. */
    static String plainText(String html) {
        Result r = parse(html);
        return r.ok() ? r.text() : html;
    }

    /** Escapes {@code <}, {@code >}, {@code &} (and {@code "}) for use in HTML text. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String close(
            Open top,
            Deque<Open> stillOpen,
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
                Open parent = stillOpen.peek();
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

    /**
     * Decodes an entity at {@code i} the way tdlib does ({@code ;} optional; only lt, gt, amp, quot
     * and numeric references below U+10FFFF). Returns {codePoint, 1 if it ended with ';' else 0,
     * indexAfter}, or null.
     */
    private static int[] decodeEntity(String s, int i) {
        int n = s.length();
        int end = i + 1;
        int cp;
        if (end < n && s.charAt(end) == '#') {
            end++;
            boolean hex = end < n && s.charAt(end) == 'x';
            if (hex) {
                end++;
            }
            int digitsStart = end;
            long value = 0;
            while (end < n
                    && Character.digit(s.charAt(end), hex ? 16 : 10) >= 0
                    && s.charAt(end) < 128) {
                value = value * (hex ? 16 : 10) + Character.digit(s.charAt(end), hex ? 16 : 10);
                end++;
                if (value >= 0x10FFFF) {
                    return null;
                }
            }
            if (end == digitsStart || value == 0 || end - i >= 10) {
                return null;
            }
            cp = (int) value;
        } else {
            while (end < n
                    && ((s.charAt(end) >= 'a' && s.charAt(end) <= 'z')
                            || (s.charAt(end) >= 'A' && s.charAt(end) <= 'Z'))) {
                end++;
            }
            switch (s.substring(i + 1, end)) {
                case "lt" -> cp = '<';
                case "gt" -> cp = '>';
                case "amp" -> cp = '&';
                case "quot" -> cp = '"';
                default -> {
                    return null;
                }
            }
        }
        if (end < n && s.charAt(end) == ';') {
            return new int[] {cp, 1, end + 1};
        }
        return new int[] {cp, 0, end};
    }

    private static String decodeLeniently(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '&') {
                int[] d = decodeEntity(s, i);
                if (d != null && (d[0] < 0xD800 || d[0] > 0xDFFF)) {
                    b.appendCodePoint(d[0]);
                    i = d[2];
                    continue;
                }
            }
            b.append(s.charAt(i++));
        }
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static int byteOffset(String s, int index) {
        return s.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    private static Result error(String message, List<String> warnings) {
        return new Result(null, List.of(), message, List.copyOf(warnings));
    }
}
