package dev.backcoach.core.safety;

import dev.backcoach.core.content.RedFlag;
import dev.backcoach.core.content.RedFlagRules;
import java.util.List;

/** Rules like a catalog's with some parts changed: what must never get the catalog's detector. */
final class ChangedRules {
    private ChangedRules() {}

    static RedFlagRules with(RedFlagRules rules, List<String> synonyms, List<RedFlag> flags) {
        return new RedFlagRules(
                synonyms,
                rules.spellings(),
                rules.keep(),
                rules.negations(),
                rules.reassurances(),
                rules.hedges(),
                rules.longAgo(),
                rules.jokes(),
                rules.others(),
                flags);
    }
}
