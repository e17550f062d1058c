package dev.backcoach.core.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a labelled corpus ({@code corpus/*.tsv}): the tier a clinician would give, the sign,
 * the text.
 */
record LabelledMessage(String expect, String flag, String text) {
    static final String BENIGN = "BENIGN";

    static List<LabelledMessage> corpus(String file) {
        try (InputStream in = LabelledMessage.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException(
                        "corpus/" + file + " is missing from the test resources");
            }
            List<LabelledMessage> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 1; i < lines.length; i++) { // line 0 is the header
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].split("\t", 3);
                if (cells.length != 3) {
                    throw new IllegalStateException(
                            "corpus line " + (i + 1) + " does not have three columns");
                }
                out.add(new LabelledMessage(cells[0].strip(), cells[1].strip(), cells[2]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
