package dev.backcoach.core.model;

/** A file sent with a reply, such as the user's data export. */
public record Document(String fileName, String mediaType, byte[] content) {}
