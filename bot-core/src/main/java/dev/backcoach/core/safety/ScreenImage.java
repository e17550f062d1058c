package dev.backcoach.core.safety;

import dev.backcoach.core.content.RedFlag;
import dev.backcoach.core.content.RedFlagRules;
import dev.backcoach.core.text.Phrase;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;
import org.jspecify.annotations.Nullable;

/**
 * A catalog's {@link ScreenRules}, worked out by the build and saved next to the catalog as {@code
 * content/<language>.screen} ({@link ScreenImages}): reading it is a few milliseconds of a start,
 * working the rules out a few hundred. It is used only for exactly the rules it was made from: it
 * holds their full text, compared on reading, so a test's own rules or a catalog edited since are
 * worked out as before. A damaged or older image is passed over the same way.
 */
final class ScreenImage {
    /** Raised whenever what is saved, or how the rules are analysed, changes. */
    static final int FORMAT = 1;

    private static final String MAGIC = "backcoach-screen";

    private ScreenImage() {}

    /** Where the build puts the image of {@code language}'s catalog on the classpath. */
    static String resource(String language) {
        return "/content/" + language + ".screen";
    }

    /** The catalog's saved rules when they were made from exactly {@code content}. */
    static Optional<ScreenRules> read(RedFlagRules content, String language) {
        try (InputStream in = ScreenImage.class.getResourceAsStream(resource(language))) {
            return in == null ? Optional.empty() : read(in.readAllBytes(), content, language);
        } catch (IOException e) {
            return Optional.empty(); // unreadable: worked out instead
        }
    }

    /** The rules saved in {@code image} when they were made from exactly {@code content}. */
    static Optional<ScreenRules> read(byte[] image, RedFlagRules content, String language) {
        try {
            int length = image.length - Long.BYTES;
            if (length <= 0 || checksum(image, length) != last(image, length)) {
                return Optional.empty();
            }
            DataInput in = new ByteArrayDataInput(image, 0, length);
            if (!MAGIC.equals(in.readString())
                    || in.readVInt() != FORMAT
                    || !source(content, language).equals(in.readString())) {
                return Optional.empty();
            }
            return Optional.of(rules(in, content.flags().size()));
        } catch (IOException | RuntimeException e) {
            // A damaged image must never stop the screen: the rules are worked out instead.
            return Optional.empty();
        }
    }

    /** Saves {@code rules}, worked out from {@code content} in {@code language}. */
    static void write(ScreenRules rules, RedFlagRules content, String language, OutputStream to) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutput out = new OutputStreamDataOutput(bytes);
            out.writeString(MAGIC);
            out.writeVInt(FORMAT);
            out.writeString(source(content, language));
            out.writeVInt(rules.patterns().size());
            for (ScreenRules.Pattern p : rules.patterns()) {
                out.writeVInt(p.flag());
                out.writeByte((byte) (p.plain() ? 1 : 0));
                out.writeString(p.phrase().source());
                out.writeVInt(p.phrase().slots().size());
                for (Set<String> slot : p.phrase().slots()) {
                    out.writeSetOfStrings(slot);
                }
            }
            for (Set<String> words : wordSets(rules)) {
                out.writeSetOfStrings(words);
            }
            writeSynonyms(rules.synonyms(), out);
            byte[] image = bytes.toByteArray();
            to.write(image);
            new DataOutputStream(to).writeLong(checksum(image, image.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScreenRules rules(DataInput in, int flags) throws IOException {
        int count = in.readVInt();
        List<ScreenRules.Pattern> patterns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flag = in.readVInt();
            if (flag < 0 || flag >= flags) {
                throw new IOException("pattern of flag " + flag + " of " + flags);
            }
            boolean plain = in.readByte() == 1;
            String source = in.readString();
            int slots = in.readVInt();
            List<Set<String>> words = new ArrayList<>(slots);
            for (int s = 0; s < slots; s++) {
                words.add(in.readSetOfStrings());
            }
            patterns.add(
                    new ScreenRules.Pattern(
                            flag, plain, Phrase.of(ScreenRules.FIELD, source, words)));
        }
        List<Set<String>> sets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sets.add(in.readSetOfStrings());
        }
        return new ScreenRules(
                readSynonyms(in),
                patterns,
                sets.get(0),
                sets.get(1),
                sets.get(2),
                sets.get(3),
                sets.get(4),
                sets.get(5),
                sets.get(6));
    }

    /** The word sets in the order they are saved (the order of the record after the patterns). */
    private static List<Set<String>> wordSets(ScreenRules r) {
        return List.of(
                r.negations(),
                r.reassurances(),
                r.hedges(),
                r.longAgo(),
                r.jokes(),
                r.others(),
                r.vocabulary());
    }

    private static void writeSynonyms(@Nullable SynonymMap map, DataOutput out) throws IOException {
        out.writeByte((byte) (map == null ? 0 : 1));
        if (map == null) {
            return;
        }
        out.writeVInt(map.maxHorizontalContext);
        out.writeVInt(map.words.size());
        BytesRef word = new BytesRef();
        for (int id = 0; id < map.words.size(); id++) {
            map.words.get(id, word);
            out.writeVInt(word.length);
            out.writeBytes(word.bytes, word.offset, word.length);
        }
        map.fst.save(out, out); // its metadata, then its arcs
    }

    private static @Nullable SynonymMap readSynonyms(DataInput in) throws IOException {
        if (in.readByte() == 0) {
            return null;
        }
        int context = in.readVInt();
        int count = in.readVInt();
        BytesRefHash words = new BytesRefHash();
        for (int id = 0; id < count; id++) {
            byte[] bytes = new byte[in.readVInt()];
            in.readBytes(bytes, 0, bytes.length);
            if (words.add(new BytesRef(bytes)) != id) {
                throw new IOException("synonym word " + id + " is saved twice");
            }
        }
        ByteSequenceOutputs outputs = ByteSequenceOutputs.getSingleton();
        FST<BytesRef> fst = new FST<>(FST.readMetadata(in, outputs), in);
        return new SynonymMap(fst, words, context);
    }

    /** The image's own check: a damaged image must read as damaged, never as other words. */
    private static long checksum(byte[] image, int length) {
        CRC32 crc = new CRC32();
        crc.update(image, 0, length);
        return crc.getValue();
    }

    private static long last(byte[] image, int length) {
        return ByteBuffer.wrap(image, length, Long.BYTES).getLong();
    }

    /**
     * Everything of {@code content} the worked-out rules depend on, as one text (each piece with
     * its length, so no two sets of rules give the same text).
     */
    static String source(RedFlagRules content, String language) {
        StringBuilder text = new StringBuilder();
        piece(text, language);
        for (List<String> list :
                List.of(
                        content.synonyms(),
                        content.spellings(),
                        content.keep(),
                        content.negations(),
                        content.reassurances(),
                        content.hedges(),
                        content.longAgo(),
                        content.jokes(),
                        content.others())) {
            pieces(text, list);
        }
        text.append('F').append(content.flags().size());
        for (RedFlag flag : content.flags()) {
            pieces(text, flag.clear());
            pieces(text, flag.possible());
        }
        return text.toString();
    }

    private static void pieces(StringBuilder text, List<String> list) {
        text.append('L').append(list.size());
        list.forEach(s -> piece(text, s));
    }

    private static void piece(StringBuilder text, String s) {
        text.append(':').append(s.length()).append(':').append(s);
    }
}
