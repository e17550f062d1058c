package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;

/**
 * Any interaction JDA can read (one it cannot, it refuses with a WARN before the bot sees it),
 * whatever its command, options (names, types, values or none), custom_id, modal or locale, gets an
 * answer from the adapter, or the adapter's own line saying it was lost and why; never an uncaught
 * exception. Real JDA against the fake, one bot for all tries.
 */
class InteractionProperties {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long SERVER = 990_000_000_000_000_001L;
    static OddInteractions bot;

    @BeforeContainer
    static void start() throws Exception {
        bot = new OddInteractions();
    }

    @AfterContainer
    static void stop() throws Exception {
        bot.stop();
    }

    @Property(tries = 60)
    void everyInteractionIsAnsweredOrReportedLost(
            @ForAll("interactions") ObjectNode data,
            @ForAll("types") int type,
            @ForAll("locales") String locale,
            @ForAll boolean inServer) {
        if (type == 4) {
            focusOne(data); // Discord always marks one option focused; JDA cannot read it otherwise
        }
        long user = 7_000 + (data.hashCode() & 0xFFF);
        bot.discord.locale(user, locale);
        ObjectNode payload = bot.discord.interaction(type, user, inServer ? SERVER : 0, data);
        long id = bot.discord.injectRaw(payload);
        Awaitility.await()
                .atMost(OddInteractions.WAIT)
                .until(
                        () ->
                                OddInteractions.answered(bot.discord.outcome(id))
                                        || bot.lost(id) != null
                                        || bot.unreadable(id));
        assertThat(bot.failures()).isEmpty();
        assertThat(bot.discord.takeViolations())
                .allMatch(v -> v.contains("interaction " + id) || v.contains("itoken-" + id));
    }

    private static void focusOne(ObjectNode data) {
        ArrayNode options = (ArrayNode) data.get("options");
        options.forEach(o -> ((ObjectNode) o).remove("focused"));
        if (options.isEmpty()) {
            options.addObject().put("name", "name").put("type", 3).put("value", "");
        }
        ObjectNode first = (ObjectNode) options.get(0);
        if (!first.has("value")) {
            first.remove("options");
            first.put("type", 3).put("value", "");
        }
        first.put("focused", true);
    }

    @Provide
    Arbitrary<Integer> types() {
        return Arbitraries.of(2, 3, 4, 5);
    }

    @Provide
    Arbitrary<String> locales() {
        return Arbitraries.of("en-US", "es-ES", "ru", "xx-YY", "", "pt-BR");
    }

    @Provide
    Arbitrary<ObjectNode> interactions() {
        Arbitrary<String> names =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "start",
                                "techniques",
                                "progress",
                                "nudge",
                                "routine",
                                "help",
                                "language",
                                "forget"),
                        Arbitraries.strings().ofMaxLength(40));
        Arbitrary<String> customIds =
                Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(100),
                        Arbitraries.strings()
                                .numeric()
                                .ofMinLength(1)
                                .ofMaxLength(20)
                                .map(owner -> owner + ":n:next"));
        return Combinators.combine(names, options(), customIds, Arbitraries.of(2, 3, 5, 7))
                .as(
                        (name, options, customId, componentType) -> {
                            ObjectNode data = JSON.createObjectNode();
                            data.put("id", "1").put("name", name).put("type", 1);
                            data.set("options", options);
                            data.put("custom_id", customId);
                            data.put("component_type", componentType);
                            data.putArray("values").add("x");
                            ObjectNode input =
                                    data.putArray("components")
                                            .addObject()
                                            .put("type", 1)
                                            .putArray("components")
                                            .addObject();
                            input.put("type", 4).put("custom_id", "t").put("value", name);
                            return data;
                        });
    }

    /** Up to three options of any registered or unknown name, any type, any or no value. */
    private static Arbitrary<ArrayNode> options() {
        Arbitrary<ObjectNode> option =
                Combinators.combine(
                                Arbitraries.of(
                                        "name", "time", "zone", "score", "week", "language", "x"),
                                Arbitraries.integers().between(1, 11),
                                Arbitraries.oneOf(
                                        Arbitraries.strings().ofMaxLength(120).map(v -> (Object) v),
                                        Arbitraries.integers().map(v -> (Object) v),
                                        Arbitraries.doubles().map(v -> (Object) v),
                                        Arbitraries.of(true, false).map(v -> (Object) v),
                                        Arbitraries.just("absent")),
                                Arbitraries.of(true, false))
                        .as(
                                (name, type, value, focused) -> {
                                    ObjectNode o = JSON.createObjectNode();
                                    o.put("name", name).put("type", type);
                                    if (type == 1) {
                                        o.putArray("options");
                                    } else if (type == 2) { // a group holds a sub-command
                                        o.putArray("options")
                                                .addObject()
                                                .put("name", "x")
                                                .put("type", 1)
                                                .putArray("options");
                                    } else if (!"absent".equals(value)) {
                                        o.set("value", JSON.valueToTree(value));
                                    }
                                    if (focused) {
                                        o.put("focused", true);
                                    }
                                    return o;
                                });
        return option.list()
                .ofMaxSize(3)
                .map(
                        list -> {
                            ArrayNode array = JSON.createArrayNode();
                            List.copyOf(list).forEach(array::add);
                            return array;
                        });
    }
}
