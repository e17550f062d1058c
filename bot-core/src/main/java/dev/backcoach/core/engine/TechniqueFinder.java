package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Technique;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds techniques by what people type after /techniques: the id, the title, another name from the
 * catalog ("roller", "massage gun"), or the start of their words ("twist", "cow", "circ").
 */
final class TechniqueFinder {
    private TechniqueFinder() {}

    /** Best matches first: whole names before partial ones, then catalog order. */
    static List<Technique> find(Catalog catalog, String typed) {
        String wanted = Labels.normalize(typed);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Technique> found = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (Technique t : catalog.techniques()) {
            int score = score(t, wanted);
            if (score > 0) {
                found.add(t);
                scores.add(score);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> -scores.get(i)));
        return order.stream().map(found::get).toList();
    }

    private static int score(Technique t, String wanted) {
        List<String> names =
                new ArrayList<>(List.of(Labels.normalize(t.id()), Labels.normalize(t.title())));
        t.names().forEach(n -> names.add(Labels.normalize(n)));
        if (names.contains(wanted)) {
            return 2;
        }
        List<String> words = new ArrayList<>();
        names.forEach(n -> words.addAll(Arrays.asList(n.split(" "))));
        boolean everyWordStartsOne =
                Arrays.stream(wanted.split(" "))
                        .allMatch(w -> words.stream().anyMatch(x -> x.startsWith(w)));
        return everyWordStartsOne ? 1 : 0;
    }
}
