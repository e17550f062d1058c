package dev.backcoach.core.model;

/** The outcome of the safety check: what the bot may offer this user. */
public enum Route {
    /** No check yet, or it expired, or the user said symptoms changed. */
    UNSCREENED,
    /** Urgent medical help; nothing else is offered. */
    EMERGENCY,
    /** A clinician should look first; general education only. */
    SEE_CLINICIAN,
    /** Needs a clinician's OK before techniques. */
    CLEAR_FIRST,
    /** A clinician OK'd techniques for a CLEAR_FIRST user. */
    CLEARED,
    /** Techniques, routines, progress and nudges. */
    SELF_CARE;

    public boolean allowsTechniques() {
        return this == SELF_CARE || this == CLEARED;
    }
}
