package dev.backcoach.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backcoach.core.model.Document;
import dev.backcoach.core.model.UserKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the /export document: everything the store keeps about one user, as JSON. */
final class DataExport {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final StateStore store;
    private final Clock clock;

    DataExport(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Document of(UserKey user) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exported_at", clock.instant().toString());
        document.put("platform", user.platform().name().toLowerCase(java.util.Locale.ROOT));
        document.put("user_id", user.userId());
        document.put("data", store.export(user));
        try {
            return new Document(
                    "backcoach-data.json",
                    "application/json",
                    JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export of stored values cannot fail to serialize", e);
        }
    }
}
