package dev.backcoach.core.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the bot says, loaded from {@code content/<locale>.json}. Code refers to texts by key
 * and to techniques and routines by id; adding a technique is an edit to the file alone.
 */
public record Catalog(
        Map<String, String> texts,
        List<ScreeningQuestion> screening,
        List<CheckGroup> checkGroups,
        List<PlanItem> plan,
        List<Technique> techniques,
        List<Routine> routines,
        List<Lesson> lessons,
        List<FaqEntry> faq,
        List<String> nudges,
        RedFlagRules redflags,
        List<SmallTalk> smalltalk) {

    public Catalog {
        texts = Map.copyOf(texts);
        screening = List.copyOf(screening);
        checkGroups = List.copyOf(checkGroups);
        plan = List.copyOf(plan);
        techniques = List.copyOf(techniques);
        routines = List.copyOf(routines);
        lessons = List.copyOf(lessons);
        faq = List.copyOf(faq);
        nudges = List.copyOf(nudges);
        smalltalk = List.copyOf(smalltalk);
    }

    /** The text under {@code key}; a missing key is a catalog defect caught by validation. */
    public String text(String key) {
        String value = texts.get(key);
        if (value == null) {
            throw new IllegalStateException("content text missing: " + key);
        }
        return value;
    }

    /** The warning sign with this screening id. */
    public Optional<ScreeningQuestion> flag(String id) {
        return screening.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Technique> technique(String id) {
        return techniques.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Routine> routine(String id) {
        return routines.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
