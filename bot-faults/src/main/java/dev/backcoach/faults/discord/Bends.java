package dev.backcoach.faults.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** How the fuzz bends an interaction payload: each bend applies now and then, several may meet. */
final class Bends {
    private final Random random;

    private Bends(Random random) {
        this.random = random;
    }

    /** The bends: each applies now and then, several may meet in one payload. */
    static void apply(ObjectNode in, Random random) {
        Bends b = new Bends(random);
        if (b.chance(0.15)) { // optional fields left out
            for (String field :
                    List.of(
                            "locale",
                            "guild_locale",
                            "app_permissions",
                            "entitlements",
                            "channel",
                            "authorizing_integration_owners",
                            "context",
                            "attachment_size_limit",
                            "version")) {
                if (b.chance(0.5)) {
                    in.remove(field);
                }
            }
        }
        if (b.chance(0.05)) { // neither member nor user
            in.remove("member");
            in.remove("user");
        }
        if (b.chance(0.08)) {
            in.put("unknown_field_" + b.random.nextInt(100), b.pick(InteractionFuzzer.STRINGS));
            if (in.path("data").isObject()) {
                ((ObjectNode) in.get("data")).putObject("future").put("nested", true);
            }
        }
        if (b.chance(0.06)) { // an odd snowflake somewhere
            List<ObjectNode> holders = new ArrayList<>();
            if (in.path("member").path("user").isObject()) {
                holders.add((ObjectNode) in.path("member").path("user"));
            }
            if (in.path("user").isObject()) {
                holders.add((ObjectNode) in.get("user"));
            }
            int which = b.random.nextInt(holders.size() + 1);
            if (which == holders.size()) {
                in.put(
                        b.pick(List.of("channel_id", "guild_id", "application_id", "id")),
                        b.pick(InteractionFuzzer.BAD_SNOWFLAKES));
            } else {
                holders.get(which).put("id", b.pick(InteractionFuzzer.BAD_SNOWFLAKES));
            }
        }
        if (b.chance(0.05)) { // a huge string
            ObjectNode target = in.path("data").isObject() ? (ObjectNode) in.get("data") : in;
            String field =
                    target.has("custom_id") ? "custom_id" : target.has("name") ? "name" : "locale";
            target.put(field, b.pick(InteractionFuzzer.HUGE));
            if (target.path("options").isArray() && !target.path("options").isEmpty()) {
                ((ObjectNode) target.path("options").get(0))
                        .put("value", b.pick(InteractionFuzzer.HUGE));
            }
        }
        if (b.chance(0.05)) { // a wrong type
            ObjectNode target =
                    b.chance(0.5) && in.path("data").isObject() ? (ObjectNode) in.get("data") : in;
            List<String> names = new ArrayList<>();
            Iterator<String> it = target.fieldNames();
            it.forEachRemaining(names::add);
            if (!names.isEmpty()) {
                String field = b.pick(names);
                switch (b.random.nextInt(4)) {
                    case 0 -> target.put(field, b.random.nextInt());
                    case 1 -> target.put(field, "wrong");
                    case 2 -> target.putArray(field).add(1);
                    default -> target.putNull(field);
                }
            }
        }
        if (b.chance(0.03)) {
            in.put("type", b.pick(List.of(0, 6, 99, -1)));
        }
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
