package dev.backcoach.faults.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Random;

/**
 * The pools of hostile values {@link UpdateFuzzer} draws from: texts and commands, forged button
 * data, huge strings, odd numbers, wrongly typed values and extreme user ids. Each draw takes the
 * fuzzer's own {@link Random}, so a seed still gives the same updates.
 */
final class FuzzValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TEXTS =
            List.of(
                    "/start",
                    "/check",
                    "/techniques",
                    "/routine morning",
                    "/nudge 25:99 Mars/Olympus",
                    "/progress",
                    "/export",
                    "/forget",
                    "/settings",
                    "/start evening",
                    "/help@other_bot",
                    "",
                    " ",
                    "yes",
                    "no",
                    "11",
                    "-1",
                    "numbness in my groin",
                    "🙂🙃",
                    "\u0000\u202e",
                    "<b>bold</b> & <i",
                    "/" + "x".repeat(40),
                    "my back is stiff");
    private static final List<String> FORGED =
            List.of(
                    "",
                    "x",
                    "::",
                    "n:999999999",
                    "t:../../etc",
                    "9".repeat(64),
                    "{\"a\":1}",
                    "s:-1:-1",
                    "\u00ff\u00fe",
                    "a:b:c:d:e:f");

    private static final List<String> HUGE =
            List.of(
                    "a".repeat(5_000),
                    "ж🙂".repeat(20_000),
                    "/start " + "x".repeat(60_000),
                    "numbness ".repeat(2_000));

    private FuzzValues() {}

    /** One of the texts a user might type, commands included. */
    static String text(Random random) {
        return TEXTS.get(random.nextInt(TEXTS.size()));
    }

    /** Button data the bot never sent. */
    static String forged(Random random) {
        return FORGED.get(random.nextInt(FORGED.size()));
    }

    /** 5,000-60,000 characters: far beyond any message, well under the webhook's 1 MiB. */
    static String huge(Random random) {
        return HUGE.get(random.nextInt(HUGE.size()));
    }

    /**
     * A small pool of user ids (so turns meet stored sessions), some negative or at the extremes.
     */
    static long userId(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> Long.MAX_VALUE;
            case 1 -> -1L - random.nextInt(1000);
            case 2 -> 0L;
            case 3 -> (1L << 53) + random.nextInt(1000);
            default -> 10_000 + random.nextInt(500);
        };
    }

    /** An extreme, huge or fractional number where an id or count is expected. */
    static JsonNode odd(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(Long.MAX_VALUE);
            case 1 -> NODES.numberNode(Long.MIN_VALUE);
            case 2 -> NODES.numberNode(-1);
            case 3 -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999"));
            case 4 -> NODES.numberNode(0);
            default -> NODES.numberNode(1.5);
        };
    }

    /** A value of the wrong JSON type, whatever the field declares. */
    static JsonNode wrong(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("not-a-number");
            case 2 -> NODES.objectNode().put("nested", true);
            case 3 -> NODES.arrayNode().add(1).add("two");
            case 4 -> NODES.booleanNode(false);
            default -> NODES.numberNode(-7);
        };
    }
}
