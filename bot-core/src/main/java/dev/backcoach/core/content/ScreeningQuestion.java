package dev.backcoach.core.content;

/** One yes/no screening question. "Yes" always means the symptom or condition is present. */
public record ScreeningQuestion(String id, Tier tier, String text) {}
