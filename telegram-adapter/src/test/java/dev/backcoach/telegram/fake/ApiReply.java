package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An answer of the fake: the HTTP status and Telegram's JSON envelope. */
record ApiReply(int status, JsonNode body) {

    static ApiReply ok(JsonNode result) {
        return ok(result, null);
    }

    static ApiReply ok(JsonNode result, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("ok", true);
        body.set("result", result);
        if (description != null) {
            body.put("description", description);
        }
        return new ApiReply(200, body);
    }

    /** Telegram's error: {@code error_code} is also the HTTP status. */
    static ApiReply error(int code, String description, Integer retryAfter) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return new ApiReply(code, body);
    }
}
