package dev.backcoach.telegram.fake;

import java.util.List;

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

    private TelegramHtml() {}

    static Result parse(String html) {
        return new HtmlParser(html).parse();
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
}
