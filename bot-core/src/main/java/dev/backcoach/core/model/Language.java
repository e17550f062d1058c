package dev.backcoach.core.model;

import java.util.Locale;

/**
 * The language the bot speaks to a user: an ISO 639-1 code ("es") that has a catalog, and whether
 * the user chose it ({@code chosen}) or the platform suggested it. A choice outranks every platform
 * hint; a suggestion follows the platform when its setting changes.
 */
public record Language(String code, boolean chosen) {
    public Language {
        code = code.toLowerCase(Locale.ROOT);
    }
}
