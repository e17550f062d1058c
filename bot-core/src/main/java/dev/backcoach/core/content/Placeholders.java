package dev.backcoach.core.content;

import com.ibm.icu.text.MessagePattern;
import java.util.Set;
import java.util.TreeSet;

/** The named arguments of a catalog text, read as ICU MessageFormat reads them. */
public final class Placeholders {
    private Placeholders() {}

    /**
     * {@code {name}} and {@code {count, plural, ...}} arguments, nested ones included.
     *
     * @throws IllegalArgumentException when the text is not valid ICU MessageFormat
     */
    public static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        if (text.indexOf('{') < 0) {
            return names;
        }
        MessagePattern pattern = new MessagePattern(text);
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(pattern.getSubstring(part));
            }
        }
        return names;
    }

    /** Why the text is not valid ICU MessageFormat; empty when it is. */
    public static String syntaxError(String text) {
        try {
            names(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage() == null ? "unreadable" : e.getMessage();
        }
    }
}
