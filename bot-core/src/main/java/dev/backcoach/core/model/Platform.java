package dev.backcoach.core.model;

public enum Platform {
    CONSOLE,
    TELEGRAM,
    DISCORD
}
