package dev.backcoach.core.content;

import java.util.List;

/**
 * A technique the user can be guided through step by step.
 *
 * @param requires everything the user needs; a technique is suggested only when the plan has all
 * @param summary one line used in menus and inside routines
 * @param cautions shown before the first step; every technique has at least one
 * @param names other words people use for it ("foam rolling", "massage gun"), for /techniques NAME
 */
public record Technique(
        String id,
        String title,
        String group,
        List<Equipment> requires,
        String summary,
        List<String> cautions,
        List<Step> steps,
        List<String> names) {
    public Technique {
        names = names == null ? List.of() : List.copyOf(names);
        requires = List.copyOf(requires);
        cautions = List.copyOf(cautions);
        steps = List.copyOf(steps);
    }

    /**
     * The technique's time: its timed steps added up. Routines and menus show this, never a number
     * of their own.
     */
    public int totalSeconds() {
        return steps.stream().mapToInt(s -> s.seconds() == null ? 0 : s.seconds()).sum();
    }

    public int requiredBits() {
        return Equipment.bitsOf(requires);
    }
}
