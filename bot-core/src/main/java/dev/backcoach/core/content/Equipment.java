package dev.backcoach.core.content;

import java.util.Collection;

/**
 * What the user has or can do, asked while building the plan. Stored as a bit set in the session so
 * a cached idle session stays small.
 */
public enum Equipment {
    PARTNER,
    TENNIS_BALLS,
    FOAM_ROLLER,
    FIRM_BALL,
    MASSAGER,
    FLOOR;

    @SuppressWarnings(
            "EnumOrdinal") // the order is the stored plan's bit layout: append new equipment, never
    // reorder
    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int bits) {
        return (bits & bit()) != 0;
    }

    public static int bitsOf(Collection<Equipment> items) {
        int bits = 0;
        for (Equipment item : items) {
            bits |= item.bit();
        }
        return bits;
    }
}
