package dev.backcoach.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The fake's strictness itself: what it lets through and what it reports. */
class DiscordSpecTest {
    static final DiscordSpec SPEC = DiscordSpec.load();

    static JsonNode json(String text) throws Exception {
        return Payloads.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void anEphemeralReplyWithButtonsConforms() throws Exception {
        JsonNode schema = SPEC.requestSchema("POST", "/interactions/1/abc/callback").orElseThrow();
        JsonNode body =
                json(
                        "{'type':4,'data':{'content':'Hi','flags':64,'components':[{'type':1,'components':"
                                + "[{'type':2,'style':2,'label':'Yes','custom_id':'1:0.y'}]}]}}");
        assertThat(SPEC.violations(schema, body)).isEmpty();
        assertThat(Limits.check(body.get("data"))).isEmpty();
    }

    @Test
    void wrongTypesAndOverlongFieldsAreReported() throws Exception {
        JsonNode schema = SPEC.requestSchema("POST", "/channels/1/messages").orElseThrow();
        assertThat(SPEC.violations(schema, json("{'content':5}"))).isNotEmpty();
        JsonNode button =
                json(
                        "{'content':'"
                                + "x".repeat(2001)
                                + "','components':[{'type':1,'components':"
                                + "[{'type':2,'style':2,'label':'"
                                + "L".repeat(81)
                                + "','custom_id':'"
                                + "c".repeat(101)
                                + "'}]}]}");
        assertThat(SPEC.violations(schema, button))
                .anyMatch(v -> v.contains("custom_id") || v.contains("none of"));
        assertThat(Limits.check(button)).hasSize(3);
    }

    @Test
    void unknownRoutesAreNotDiscords() {
        assertThat(SPEC.knows("POST", "/channels/1/messages")).isTrue();
        assertThat(SPEC.knows("POST", "/users/@me/messages")).isFalse();
    }
}
