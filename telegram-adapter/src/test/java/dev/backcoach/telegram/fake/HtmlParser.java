package dev.backcoach.telegram.fake;

import dev.backcoach.telegram.fake.TagEntity.OpenTag;
import dev.backcoach.telegram.fake.TelegramHtml.Entity;
import dev.backcoach.telegram.fake.TelegramHtml.Result;
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
 * One run of {@link TelegramHtml#parse}: a cursor over the text; each step returns tdlib's error
 * message, or null to go on.
 */
final class HtmlParser {

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

    private final String html;
    private final int n;
    private int i;
    private final StringBuilder out;
    private final List<Entity> entities = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Deque<OpenTag> open = new ArrayDeque<>();

    HtmlParser(String html) {
        this.html = html;
        this.n = html.length();
        this.out = new StringBuilder(html.length());
    }

    Result parse() {
        while (i < n) {
            char c = html.charAt(i);
            String problem;
            if (c == '&') {
                problem = characterReference();
            } else if (c == '>') {
                problem =
                        "Character '>' must be escaped as \"&gt;\" (at byte offset "
                                + byteOffset(i)
                                + ")";
            } else if (c != '<') {
                out.append(c);
                i++;
                continue;
            } else if (i + 1 < n && html.charAt(i + 1) == '/') {
                problem = endTag();
            } else {
                problem = startTag();
            }
            if (problem != null) {
                return error(problem);
            }
        }
        if (!open.isEmpty()) {
            return error(
                    "Can't find end tag corresponding to start tag \"" + open.peek().tag() + "\"");
        }
        entities.sort(
                (a, b) ->
                        a.offset() != b.offset()
                                ? Integer.compare(a.offset(), b.offset())
                                : Integer.compare(b.length(), a.length()));
        return new Result(out.toString(), List.copyOf(entities), null, List.copyOf(warnings));
    }

    private String characterReference() {
        int[] decoded = CharacterReferences.decode(html, i);
        if (decoded == null) {
            return "Character '&' must be escaped as \"&amp;\" when it does not start one of the entities "
                    + "&lt; &gt; &amp; &quot; &#NNN; &#xHH; (at byte offset "
                    + byteOffset(i)
                    + ")";
        }
        if (decoded[0] >= 0xD800 && decoded[0] <= 0xDFFF) {
            return "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
                    + "surrogate code units";
        }
        if (decoded[1] == 0) {
            warnings.add(
                    "entity "
                            + html.substring(i, decoded[2])
                            + " at byte offset "
                            + byteOffset(i)
                            + " lacks its ';' (Telegram decodes it anyway)");
        }
        out.appendCodePoint(decoded[0]);
        i = decoded[2];
        return null;
    }

    private String endTag() {
        int beginByte = byteOffset(i);
        i++;
        if (open.isEmpty()) {
            return "Unexpected end tag at byte offset " + beginByte;
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
            return "Unclosed end tag at byte offset " + beginByte;
        }
        i++;
        OpenTag top = open.pop();
        if (!endName.isEmpty() && !endName.equals(top.tag())) {
            return "Unmatched end tag at byte offset "
                    + beginByte
                    + ", expected \"</"
                    + top.tag()
                    + ">\", found \"</"
                    + endName
                    + ">\"";
        }
        return TagEntity.close(top, open, out.length(), entities, warnings);
    }

    private String startTag() {
        int beginByte = byteOffset(i);
        i++;
        int nameStart = i;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
        }
        if (i >= n) {
            return "Unclosed start tag at byte offset " + beginByte;
        }
        String tag = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
        if (!TAGS.contains(tag)) {
            return "Unsupported start tag \"" + tag + "\" at byte offset " + beginByte;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        String problem = attributes(tag, beginByte, attributes);
        if (problem != null) {
            return problem;
        }
        if (tag.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
            return "Tag \"span\" must have class \"tg-spoiler\" at byte offset " + beginByte;
        }
        open.push(new OpenTag(tag, attributes, out.length(), beginByte));
        return null;
    }

    /** Reads the attributes up to and including the tag's {@code >}. */
    private String attributes(String tag, int beginByte, Map<String, String> attributes) {
        while (true) {
            while (i < n && isSpace(html.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return "Unclosed start tag \"" + tag + "\" at byte offset " + beginByte;
            }
            if (html.charAt(i) == '>') {
                i++;
                return null;
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
                return "Empty attribute name in the tag \""
                        + tag
                        + "\" at byte offset "
                        + beginByte;
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
                return "Unclosed start tag \"" + tag + "\" at byte offset " + beginByte;
            }
            String value;
            char q = html.charAt(i);
            if (q == '"' || q == '\'') {
                int close = html.indexOf(q, i + 1);
                if (close < 0) {
                    return "Unclosed start tag at byte offset " + beginByte;
                }
                value = CharacterReferences.decodeLeniently(html.substring(i + 1, close));
                i = close + 1;
                if (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                    return "Unexpected end of string literal at byte offset " + byteOffset(i);
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
                    return "Unexpected end of name token at byte offset " + byteOffset(tokenStart);
                }
            }
            attributes.put(attr, value);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private int byteOffset(int index) {
        return html.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    private Result error(String message) {
        return new Result(null, List.of(), message, List.copyOf(warnings));
    }
}
