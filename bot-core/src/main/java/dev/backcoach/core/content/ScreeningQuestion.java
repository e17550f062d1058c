package dev.backcoach.core.content;

/**
 * One warning sign of the safety check. {@code text} asks about it alone (yes/no; "Yes" always
 * means it is present); {@code about} names it in a few words, for "because you told me about ...".
 * The id is shared with the rules that screen typed messages.
 */
public record ScreeningQuestion(String id, Tier tier, String text, String about) {}
