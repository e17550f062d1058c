package dev.backcoach.core.content;

/** A yes/no question that builds the self-care plan; "Yes" adds the equipment to the plan. */
public record PlanQuestion(Equipment equipment, String text) {}
