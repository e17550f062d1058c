package dev.backcoach.core.safety;

import dev.backcoach.core.content.RedFlag;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the screen found in one message. */
public sealed interface Finding {
    /** No warning sign, or only denied ones ("no numbness"). */
    record None() implements Finding {}

    /** A plain report of a sign: its tier applies at once. */
    record Clear(RedFlag flag) implements Finding {}

    /**
     * Hints of signs, or plain reports in a question or a denial: ask about each of {@code asks} in
     * turn, most urgent first, until one is answered Yes. If every answer is No, {@code otherwise}
     * (a plain report of a less urgent sign in the same message) still applies.
     */
    record Possible(List<RedFlag> asks, @Nullable RedFlag otherwise) implements Finding {
        public Possible {
            asks = List.copyOf(asks);
        }
    }

    Finding NONE = new None();
}
