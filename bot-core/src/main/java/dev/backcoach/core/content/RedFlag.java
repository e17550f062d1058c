package dev.backcoach.core.content;

import java.util.List;

/**
 * A warning sign as the free-text screen looks for it.
 *
 * @param id the sign: the id of its screening question, whose {@code about} names it to the user
 * @param tier what the sign means for the route (the same as its screening question's)
 * @param confirm a yes/no question that names the sign, asked when a message only hints at it
 * @param clear patterns that report the sign plainly: the tier applies at once
 * @param possible patterns that only hint at it: the confirming question is asked
 * @param recentOnly the sign counts only when recent (an injury, a fracture): a sentence that puts
 *     it years back asks instead
 */
public record RedFlag(
        String id,
        Tier tier,
        String confirm,
        List<String> clear,
        List<String> possible,
        boolean recentOnly) {
    public RedFlag {
        clear = List.copyOf(clear);
        possible = List.copyOf(possible);
    }
}
