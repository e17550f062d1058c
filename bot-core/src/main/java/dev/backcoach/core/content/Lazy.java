package dev.backcoach.core.content;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value built once: by whoever needs it first, or ahead of time by a thread that {@link
 * #prepare}s it. A caller that finds it being built elsewhere waits for it rather than building it
 * twice. Start-up uses it for what only some users need (the translations and their voices).
 */
public final class Lazy<T> {
    private final FutureTask<T> task;
    private final String what;

    /** {@code what} names the value in the error when building it fails. */
    public Lazy(String what, Callable<T> build) {
        this.what = what;
        this.task = new FutureTask<>(build);
    }

    /** A value that is already there. */
    public static <T> Lazy<T> of(String what, T value) {
        Lazy<T> lazy = new Lazy<>(what, () -> value);
        lazy.prepare();
        return lazy;
    }

    /** Builds it now unless it is built or being built; a failure is kept for {@link #get}. */
    public void prepare() {
        task.run();
    }

    /**
     * The value, built here if nobody has begun it. An interrupt does not stop the wait (the caller
     * is in the middle of a turn); the thread's interrupt flag is kept.
     *
     * @throws IllegalStateException when building it failed, with the reason as its cause
     */
    public T get() {
        task.run();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(what + ": " + cause.getMessage(), cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
