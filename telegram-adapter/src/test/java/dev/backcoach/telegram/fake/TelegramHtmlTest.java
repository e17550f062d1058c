package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramHtmlTest {

    @Test
    void tagsBecomeEntitiesAndEntitiesAreDecoded() {
        TelegramHtml.Result r =
                TelegramHtml.parse(
                        "<b>Bold <i>both</i></b> &lt;tag&gt; &amp; &quot;q&quot; &#65;&#x42;");

        assertThat(r.ok()).isTrue();
        assertThat(r.text()).isEqualTo("Bold both <tag> & \"q\" AB");
        assertThat(r.entities())
                .extracting(
                        TelegramHtml.Entity::type,
                        TelegramHtml.Entity::offset,
                        TelegramHtml.Entity::length)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bold", 0, 9),
                        org.assertj.core.groups.Tuple.tuple("italic", 5, 4));
    }

    @Test
    void everySupportedTagParses() {
        TelegramHtml.Result r =
                TelegramHtml.parse(
                        "<strong>a</strong><em>b</em><u>c</u><ins>d</ins><s>e</s><strike>f</strike>"
                                + "<del>g</del><span class=\"tg-spoiler\">h</span><tg-spoiler>i</tg-spoiler><a href='https://x.org/?a=1&amp;b=2'>"
                                + "j</a><code>k</code><pre>l</pre><pre><code class=\"language-java\">m</code></pre><blockquote>n</blockquote>"
                                + "<blockquote expandable>o</blockquote><tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji><B>p</b>"
                                + "<tg-time unix=\"1700000000\" format=\"wDT\">q</tg-time><i unknown=\"x\" flag>r</>");

        assertThat(r.error()).isNull();
        assertThat(r.text()).isEqualTo("abcdefghijklmno👍pqr");
        assertThat(r.entities())
                .extracting(TelegramHtml.Entity::type)
                .containsExactly(
                        "bold",
                        "italic",
                        "underline",
                        "underline",
                        "strikethrough",
                        "strikethrough",
                        "strikethrough",
                        "spoiler",
                        "spoiler",
                        "text_link",
                        "code",
                        "pre",
                        "pre",
                        "blockquote",
                        "expandable_blockquote",
                        "custom_emoji",
                        "bold",
                        "date_time",
                        "italic");
        assertThat(r.entities().get(9).url()).isEqualTo("https://x.org/?a=1&b=2");
        assertThat(r.entities().get(12).language()).isEqualTo("java");
        assertThat(r.entities().get(17).unixTime()).isEqualTo(1700000000L);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void lengthIsInUtf16CodeUnits() {
        TelegramHtml.Result r = TelegramHtml.parse("<b>😀</b>x");

        assertThat(r.text()).hasSize(3);
        assertThat(r.entities().get(0).length()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Pain < 3                       | Unsupported start tag \"\" at byte offset 5",
                "<p>x</p>                       | Unsupported start tag \"p\" at byte offset 0",
                "<br/>                          | Unsupported start tag \"br/\" at byte offset 0",
                "<b>open                        | Can't find end tag corresponding to start tag \"b\"",
                "x</b>                          | Unexpected end tag at byte offset 1",
                "<b><i>x</b></i>                | Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"",
                "<b                             | Unclosed start tag at byte offset 0",
                "<span>x</span>                 | Tag \"span\" must have class \"tg-spoiler\" at byte offset 0",
                "<a href=\"x>y</a>              | Unclosed start tag at byte offset 0",
                "<tg-emoji>x</tg-emoji>         | Invalid custom emoji identifier specified",
                "Stretch & breathe              | Character '&' must be escaped",
                "A&nbsp;B                       | Character '&' must be escaped",
                "&apos;                         | Character '&' must be escaped",
                "1 > 0                          | Character '>' must be escaped",
                "é <x>                          | Unsupported start tag \"x\" at byte offset 3",
            })
    void telegramRefuses(String html, String error) {
        TelegramHtml.Result r = TelegramHtml.parse(html.strip());

        assertThat(r.ok()).isFalse();
        assertThat(r.error()).startsWith(error.strip());
    }

    /** Cases from tdlib's own tests (test/message_entities.cpp, check_parse_html). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "🏟 🏟&lt;<abacaba                  | Unclosed start tag at byte offset 13",
                "🏟 🏟&lt;<abac aba>                | Unsupported start tag \"abac\" at byte offset 13",
                "🏟 🏟&lt;<i   =aba>                | Empty attribute name in the tag \"i\" at byte offset 13",
                "🏟 🏟&lt;<i    aba>                | Can't find end tag corresponding to start tag \"i\"",
                "🏟 🏟&lt;<i    aba  =  190azAz-.,  | Unexpected end of name token at byte offset 27",
                "🏟 🏟&lt;</                        | Unexpected end tag at byte offset 13",
                "🏟 🏟&lt;<b></b></                 | Unexpected end tag at byte offset 20",
                "🏟 🏟&lt;<i>a</em   >              | Unmatched end tag at byte offset 17, expected \"</i>\", found \"</em>\"",
                "&#xDFDF;                           | Text contains invalid Unicode characters",
            })
    void tdlibErrorCases(String html, String error) {
        assertThat(TelegramHtml.parse(html.strip()).error()).startsWith(error.strip());
    }

    @Test
    void tdlibAcceptedCases() {
        assertThat(TelegramHtml.parse("🏟 🏟&lt;<i    aba  =  '&lt;&gt;&quot;'>a</>").text())
                .isEqualTo("🏟 🏟<a");
        assertThat(
                        TelegramHtml.parse(
                                        "<blockquote   cite=\"\" askdlbas nasjdbaj nj12b3>a&lt;<pre  >b;</></>")
                                .entities())
                .extracting(TelegramHtml.Entity::type)
                .containsExactly("blockquote", "pre");
        assertThat(TelegramHtml.parse("<code><i><b> </b></i></code>").entities()).hasSize(3);
        TelegramHtml.Result noSemicolon = TelegramHtml.parse("a &lt b");
        assertThat(noSemicolon.text()).isEqualTo("a < b");
        assertThat(noSemicolon.warnings()).singleElement().asString().contains("lacks its ';'");
    }

    @Test
    void escapeMakesAnyTextSafe() {
        String nasty = "<script> & \"quotes\" > 1";

        assertThat(TelegramHtml.parse(TelegramHtml.escape(nasty)).text()).isEqualTo(nasty);
    }
}
