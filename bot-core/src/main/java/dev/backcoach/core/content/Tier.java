package dev.backcoach.core.content;

/** Screening tiers, most urgent first. The first tier with a "Yes" answer decides the route. */
public enum Tier {
    EMERGENCY,
    SEE_CLINICIAN,
    CLEAR_FIRST
}
