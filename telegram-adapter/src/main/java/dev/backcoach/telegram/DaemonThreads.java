package dev.backcoach.telegram;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that never keep the JVM alive: stopping is the application's ordered shutdown, not
 * theirs.
 */
final class DaemonThreads {
    private DaemonThreads() {}

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
