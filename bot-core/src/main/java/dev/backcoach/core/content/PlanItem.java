package dev.backcoach.core.content;

/** A toggle on the plan screen: ticking it adds the equipment to the plan. */
public record PlanItem(Equipment equipment, String label) {}
