package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * What Discord checks in a message's uploads: each file is a part named {@code files[n]} with a
 * filename, listed in {@code payload_json.attachments} under id n, at most 10 MiB (the fake guild's
 * limit); and the fake adds that a file named {@code .png} must be a PNG a client can show.
 */
final class Attachments {
    static final int MAX_BYTES = 10_485_760;
    private static final Pattern NAME = Pattern.compile("name=\"files\\[(\\d+)]\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** One file part of a multipart body. */
    record Part(String disposition, String contentType, byte[] bytes) {}

    private Attachments() {}

    static List<String> problems(@Nullable JsonNode payload, List<Part> parts) {
        List<String> problems = new ArrayList<>();
        for (Part part : parts) {
            Matcher name = NAME.matcher(part.disposition());
            Matcher file = FILENAME.matcher(part.disposition());
            if (!name.find() || !file.find() || file.group(1).isBlank()) {
                problems.add("upload part is not files[n] with a filename: " + part.disposition());
                continue;
            }
            String id = name.group(1);
            String fileName = file.group(1);
            if (!listed(payload, id)) {
                problems.add("files[" + id + "] is not listed in payload_json.attachments");
            }
            if (part.bytes().length == 0 || part.bytes().length > MAX_BYTES) {
                problems.add(fileName + ": " + part.bytes().length + " bytes (1 to 10 MiB)");
            }
            if (fileName.toLowerCase(Locale.ROOT).endsWith(".png") && !isPng(part.bytes())) {
                problems.add(fileName + ": not a decodable PNG");
            }
        }
        return problems;
    }

    private static boolean listed(@Nullable JsonNode payload, String id) {
        if (payload == null || !payload.path("attachments").isArray()) {
            return false;
        }
        for (JsonNode attachment : payload.path("attachments")) {
            if (attachment.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPng(byte[] bytes) {
        try {
            var readers = ImageIO.getImageReadersByFormatName("png");
            return bytes.length > 8
                    && bytes[1] == 'P'
                    && bytes[2] == 'N'
                    && bytes[3] == 'G'
                    && readers.hasNext()
                    && ImageIO.read(new ByteArrayInputStream(bytes)) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
