package dev.backcoach.core.model;

/** A button: what the user sees and the opaque data that comes back as a {@link Inbound.Choice}. */
public record Button(String label, String data) {}
