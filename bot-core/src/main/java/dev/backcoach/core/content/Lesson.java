package dev.backcoach.core.content;

/** Short general education: what a technique is, without instructions or doses. */
public record Lesson(String id, String title, String text) {}
