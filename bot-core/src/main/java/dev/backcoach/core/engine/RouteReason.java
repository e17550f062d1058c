package dev.backcoach.core.engine;

import dev.backcoach.core.model.Session;

/** Names why help is paused, in one line: "This is because you told me about ...". */
final class RouteReason {
    private RouteReason() {}

    /**
     * The text under {@code key}, after the reason line when a known warning sign decided the
     * route.
     */
    static String prefixed(Texts texts, Session s, String key) {
        String text = texts.get(key);
        if (s.routeReason() == null) {
            return text;
        }
        return texts.catalog()
                .flag(s.routeReason())
                .map(flag -> texts.get("route.because", "about", flag.about()) + "\n" + text)
                .orElse(text);
    }
}
