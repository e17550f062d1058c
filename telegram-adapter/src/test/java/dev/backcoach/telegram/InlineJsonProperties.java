package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Reply;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The webhook response's call written field by field is the JSON the mapper writes for the same
 * call (compared as trees: the same fields and values), for any text and buttons a reply can carry.
 */
class InlineJsonProperties {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final InlineJson inline = new InlineJson(MAPPER);
    final Render render = new Render("bench_bot");

    @Property(tries = 300)
    void aRenderedMessageIsWrittenAsTheMapperWritesIt(
            @ForAll("texts") String text,
            @ForAll long chatId,
            @ForAll("keyboards") List<List<Button>> rows)
            throws Exception {
        SendMessage message = render.message(chatId, text, new Reply(text, rows, false));
        assertThat(MAPPER.readTree(inline.write(message)))
                .isEqualTo(MAPPER.readTree(MAPPER.writeValueAsBytes(message)));
    }

    @Property(tries = 200)
    void aPressAnswerIsWrittenAsTheMapperWritesIt(
            @ForAll("texts") String id, @ForAll("texts") String note, @ForAll boolean withNote)
            throws Exception {
        AnswerCallbackQuery answer =
                AnswerCallbackQuery.builder()
                        .callbackQueryId(id.isEmpty() ? "1" : id)
                        .text(withNote ? note : null)
                        .build();
        assertThat(MAPPER.readTree(inline.write(answer)))
                .isEqualTo(MAPPER.readTree(MAPPER.writeValueAsBytes(answer)));
    }

    @Property(tries = 50)
    void aMessageWithFieldsRenderNeverSetsGoesToTheMapper(@ForAll("texts") String text)
            throws Exception {
        SendMessage quiet =
                SendMessage.builder()
                        .chatId(1L)
                        .text(text.isEmpty() ? "x" : text)
                        .disableNotification(true)
                        .build();
        assertThat(MAPPER.readTree(inline.write(quiet)).path("disable_notification").asBoolean())
                .isTrue();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("<>&\"'\\/\n\t é😀ж").ofMaxLength(40),
                Arbitraries.of("Here is what I can do", "¿Qué tal?", "Привет"));
    }

    @Provide
    Arbitrary<List<List<Button>>> keyboards() {
        return buttons().list().ofMinSize(1).ofMaxSize(3).list().ofMaxSize(3);
    }

    Arbitrary<Button> buttons() {
        Arbitrary<String> data =
                Arbitraries.oneOf(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(1)
                                .ofMaxLength(10)
                                .map(s -> Button.PRIVATE_CHAT_PREFIX + s));
        return Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(30)
                .flatMap(label -> data.map(d -> new Button(label, d)));
    }
}
