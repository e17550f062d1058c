package dev.backcoach.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.backcoach.core.model.Reply;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replies of a processed event as JSON, read back to replay a re-delivered event. Unknown
 * properties are ignored so rows written by a newer version still replay.
 */
final class RepliesJson {
    private static final Logger log = LoggerFactory.getLogger(RepliesJson.class);
    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    // dates of a progress chart, written as ISO text
                    .addModule(new JavaTimeModule())
                    .disable(
                            com.fasterxml.jackson.databind.SerializationFeature
                                    .WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .defaultPropertyInclusion(
                            JsonInclude.Value.construct(
                                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                    .build();
    private static final TypeReference<List<Reply>> REPLIES = new TypeReference<>() {};

    private RepliesJson() {}

    static String write(List<Reply> replies) {
        try {
            return JSON.writeValueAsString(replies);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replies are plain records and always serialize", e);
        }
    }

    static List<Reply> read(String json) throws JsonProcessingException {
        return JSON.readValue(json, REPLIES);
    }

    /**
     * The stored replies, or none when the row cannot be read: an unreadable row still marks the
     * event as processed, and no answer is better than running it twice.
     */
    static List<Reply> readOrNothing(String json) {
        try {
            return read(json);
        } catch (JsonProcessingException e) {
            log.warn(
                    "stored replies of an event cannot be read ({}); answering the re-delivery with nothing",
                    e.getOriginalMessage());
            return List.of();
        }
    }

    /** Plain lists and maps, for the export: a JSON document inside JSON should not be a string. */
    static Object tree(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
