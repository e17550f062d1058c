package dev.backcoach.core.model;

/** A file sent with a reply, such as the user's data export. */
@SuppressWarnings("ArrayRecordComponent") // handed to the platform as is, never compared or hashed
public record Document(String fileName, String mediaType, byte[] content) {}
