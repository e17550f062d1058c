package dev.backcoach.faults.common;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments of a driver, with defaults. */
public final class Options {
    private final Map<String, String> values = new HashMap<>();

    public Options(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int number(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    /** A loopback port free right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
