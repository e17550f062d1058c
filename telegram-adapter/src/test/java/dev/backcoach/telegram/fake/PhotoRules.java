package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import dev.backcoach.telegram.fake.SpecValidator.Upload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What Telegram checks in an uploaded photo (sendPhoto with a multipart file part): at most 10 MB,
 * an image it can decode, width plus height at most 10,000 and a side ratio of at most 20. The
 * part's own Content-Type, if given, must be an image or a generic binary type. (The caption's
 * 1,024 characters are checked with the other texts, after entity parsing.)
 */
final class PhotoRules {
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private PhotoRules() {}

    static void check(String method, Map<String, JsonNode> params, List<Issue> issues) {
        if (!method.equals("sendPhoto")
                || !(params.get("photo") instanceof POJONode node)
                || !(node.getPojo() instanceof Upload upload)) {
            return; // a file_id or URL: Telegram fetches or reuses it
        }
        String type = upload.contentType() == null ? "" : upload.contentType();
        String lower = type.toLowerCase(Locale.ROOT);
        if (!type.isEmpty()
                && !lower.startsWith("image/")
                && !lower.startsWith("application/octet-stream")) {
            issues.add(
                    Issue.accepted(
                            "photo",
                            "file part's Content-Type \"" + type + "\" is not an image type"));
        }
        if (upload.fileName() == null || upload.fileName().isBlank()) {
            issues.add(Issue.accepted("photo", "file part without a filename"));
        }
        if (upload.bytes().length > MAX_BYTES) {
            issues.add(
                    Issue.rejected(
                            "photo",
                            upload.bytes().length + " bytes; Telegram takes photos up to 10 MB",
                            "Bad Request: file is too big"));
            return;
        }
        BufferedImage image = decode(upload.bytes());
        if (image == null) {
            issues.add(
                    Issue.rejected(
                            "photo",
                            "not a decodable image (" + upload.bytes().length + " bytes)",
                            "Bad Request: IMAGE_PROCESS_FAILED"));
            return;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (w + h > 10_000 || Math.max(w, h) > 20 * Math.min(w, h)) {
            issues.add(
                    Issue.rejected(
                            "photo",
                            w + "×" + h + ": width + height must be ≤ 10000, ratio ≤ 20",
                            "Bad Request: PHOTO_INVALID_DIMENSIONS"));
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
