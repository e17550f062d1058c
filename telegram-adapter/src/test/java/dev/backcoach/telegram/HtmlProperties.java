package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Escaping in runs between the special characters is escaping character by character. */
class HtmlProperties {

    @Property(tries = 1_000)
    void escapesAsCharacterByCharacter(@ForAll("texts") String text) {
        assertThat(Html.escape(text)).isEqualTo(oneByOne(text));
    }

    @Property(tries = 300)
    void aTextWithoutSpecialsIsReturnedAsItIs(@ForAll String text) {
        String plain = text.replace("&", "").replace("<", "").replace(">", "");
        assertThat(Html.escape(plain)).isSameAs(plain);
    }

    /** Mostly the three specials, at the ends and side by side, among ordinary and odd text. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces =
                Arbitraries.oneOf(
                        Arbitraries.of("&", "<", ">", "&amp;", "<b>", "😀", " ", "\n"),
                        Arbitraries.strings().ofMaxLength(6));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    private static String oneByOne(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(
                        c ->
                                out.append(
                                        switch (c) {
                                            case '&' -> "&amp;";
                                            case '<' -> "&lt;";
                                            case '>' -> "&gt;";
                                            default -> String.valueOf((char) c);
                                        }));
        return out.toString();
    }
}
