package dev.backcoach.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a translated catalog with English, the reference: the same keys, the same number of
 * items in every list, the same ids, tiers, timings and equipment, and in every text the same
 * placeholders. Words that find things in typed text (the red-flag rules, FAQ and small-talk
 * keywords, other names of a technique) are each language's own and are not compared.
 */
public final class CatalogComparison {
    /** Fields that carry no language: a translation keeps them exactly as English has them. */
    private static final Set<String> INVARIANT =
            Set.of("id", "tier", "group", "requires", "seconds", "options", "items", "equipment");

    /** Fields written afresh in each language, not translated item by item. */
    private static final Set<String> OWN_WORDS = Set.of("keywords", "names");

    private CatalogComparison() {}

    /** Every difference, one line each, naming the language and the place ("es: texts.help: …"). */
    public static List<String> problems(JsonNode english, JsonNode translated, String language) {
        List<String> problems = new ArrayList<>();
        compare("", english, translated, language + ": ", problems);
        return problems;
    }

    private static void compare(
            String path, JsonNode en, JsonNode other, String prefix, List<String> problems) {
        if (path.equals("redflags")) {
            compareRules(en, other, prefix, problems);
        } else if (en.isObject() && other.isObject()) {
            compareObjects(path, en, other, prefix, problems);
        } else if (en.isArray() && other.isArray()) {
            if (en.size() != other.size()) {
                problems.add(
                        prefix + path + ": " + other.size() + " items, English has " + en.size());
                return;
            }
            for (int i = 0; i < en.size(); i++) {
                compare(path + "[" + i + "]", en.get(i), other.get(i), prefix, problems);
            }
        } else if (en.isTextual() && other.isTextual()) {
            String error = Placeholders.syntaxError(other.asText());
            if (!error.isEmpty()) {
                problems.add(prefix + path + ": not valid ICU MessageFormat: " + error);
                return;
            }
            Set<String> expected = Placeholders.names(en.asText());
            Set<String> found = Placeholders.names(other.asText());
            if (!expected.equals(found)) {
                problems.add(
                        prefix + path + ": placeholders " + found + ", English has " + expected);
            }
        } else if (en.getNodeType() != other.getNodeType()
                || (!en.isTextual() && !en.equals(other))) {
            problems.add(prefix + path + ": " + other + ", English has " + en);
        }
    }

    private static void compareObjects(
            String path, JsonNode en, JsonNode other, String prefix, List<String> problems) {
        String dot = path.isEmpty() ? "" : path + ".";
        Set<String> extra = new TreeSet<>();
        other.fieldNames().forEachRemaining(extra::add);
        for (Iterator<String> names = en.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            extra.remove(name);
            JsonNode mine = other.get(name);
            if (mine == null) {
                problems.add(
                        prefix
                                + "missing "
                                + dot
                                + name
                                + " (English: "
                                + brief(en.get(name))
                                + ")");
            } else if (INVARIANT.contains(name)) {
                if (!en.get(name).equals(mine)) {
                    problems.add(
                            prefix + dot + name + " is " + mine + ", English has " + en.get(name));
                }
            } else if (!OWN_WORDS.contains(name)) {
                compare(dot + name, en.get(name), mine, prefix, problems);
            }
        }
        extra.forEach(name -> problems.add(prefix + "extra " + dot + name + ", not in English"));
    }

    /** The rules are rewritten per language; the signs they report must be English's signs. */
    private static void compareRules(
            JsonNode en, JsonNode other, String prefix, List<String> problems) {
        Map<String, JsonNode> mine = new HashMap<>();
        other.path("flags").forEach(flag -> mine.put(flag.path("id").asText(), flag));
        for (JsonNode flag : en.path("flags")) {
            String id = flag.path("id").asText();
            JsonNode translated = mine.remove(id);
            if (translated == null) {
                problems.add(prefix + "missing redflags rule for " + id);
                continue;
            }
            for (String same : List.of("tier", "recentOnly")) {
                if (!flag.path(same).equals(translated.path(same))) {
                    problems.add(prefix + "redflags " + id + "." + same + " differs from English");
                }
            }
            if (translated.path("clear").isEmpty() && translated.path("possible").isEmpty()) {
                problems.add(prefix + "redflags " + id + " has no patterns");
            }
            compare(
                    "redflags " + id + ".confirm",
                    flag.path("confirm"),
                    translated.path("confirm"),
                    prefix,
                    problems);
        }
        mine.keySet().forEach(id -> problems.add(prefix + "extra redflags rule " + id));
    }

    private static String brief(JsonNode node) {
        String text = node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
