package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A request body as JSON: plain, or the {@code payload_json} part of a multipart upload with its
 * file names.
 */
final class Bodies {
    /**
     * @param files the uploaded files' names
     * @param problems what Discord would refuse in the upload (see {@link Attachments})
     */
    record Body(@Nullable JsonNode json, List<String> files, List<String> problems) {
        Body(@Nullable JsonNode json, List<String> files) {
            this(json, files, List.of());
        }
    }

    private Bodies() {}

    static Body parse(RecordedRequest request) throws IOException {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return new Body(null, List.of());
        }
        MediaType type = MediaType.parse(String.valueOf(request.getHeaders().get("Content-Type")));
        if (type != null && "multipart".equals(type.type())) {
            JsonNode json = null;
            List<String> files = new ArrayList<>();
            List<Attachments.Part> uploads = new ArrayList<>();
            try (MultipartReader reader =
                    new MultipartReader(
                            new Buffer().write(request.getBody()), type.parameter("boundary"))) {
                for (MultipartReader.Part part = reader.nextPart();
                        part != null;
                        part = reader.nextPart()) {
                    String disposition = String.valueOf(part.headers().get("Content-Disposition"));
                    byte[] bytes = part.body().readByteArray();
                    if (disposition.contains("name=\"payload_json\"")) {
                        json =
                                Payloads.JSON.readTree(
                                        new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        uploads.add(
                                new Attachments.Part(
                                        disposition,
                                        String.valueOf(part.headers().get("Content-Type")),
                                        bytes));
                        int at = disposition.indexOf("filename=\"");
                        files.add(
                                at < 0
                                        ? "?"
                                        : disposition.substring(
                                                at + 10, disposition.indexOf('"', at + 10)));
                    }
                    part.close();
                }
            }
            return new Body(json, List.copyOf(files), Attachments.problems(json, uploads));
        }
        return new Body(Payloads.JSON.readTree(request.getBody().utf8()), List.of());
    }
}
