package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheThreeCharactersTelegramParses() {
        assertThat(Html.escape("a < b & c > d \"e\"")).isEqualTo("a &lt; b &amp; c &gt; d \"e\"");
    }

    @Test
    void longTextsSplitAtParagraphsThenLinesThenSpaces() {
        String paragraph = "word ".repeat(300).strip(); // 1,499 characters
        String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph);
        List<String> parts = Html.split(text, Html.MAX_MESSAGE);
        assertThat(parts)
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(Html.MAX_MESSAGE));
        assertThat(String.join("\n\n", parts)).isEqualTo(text);

        String oneLine = "x".repeat(5_000);
        assertThat(Html.split(oneLine, Html.MAX_MESSAGE))
                .extracting(String::length)
                .containsExactly(4_096, 904);
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        String text = "a".repeat(4_095) + "😀" + "b";
        List<String> parts = Html.split(text, Html.MAX_MESSAGE);
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts.get(0)).doesNotEndWith("\ud83d");
    }
}
