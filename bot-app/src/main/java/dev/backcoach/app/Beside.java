package dev.backcoach.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Start-up work that needs nothing from the rest of start-up (reading the catalogs and building the
 * engine, Telegram's first round trip), done on a thread of its own beside the main thread's work
 * (opening the database), and awaited where it is first needed. Start-up then takes about as long
 * as its longest strand instead of the sum of them.
 */
final class Beside {
    private Beside() {}

    /** Begins {@code work} on a new daemon thread named {@code name}. */
    static <T> CompletableFuture<T> start(String name, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                result.complete(work.call());
                            } catch (Exception | Error e) {
                                result.completeExceptionally(e);
                            }
                        },
                        name);
        thread.setDaemon(true); // a start that fails elsewhere exits without waiting for it
        thread.start();
        return result;
    }

    /**
     * The work's result, waiting for it if need be.
     *
     * @throws Exception what the work threw, as it threw it (so a refused token reads the same
     *     whichever thread asked Telegram)
     */
    static <T> T await(CompletableFuture<T> work) throws Exception {
        try {
            return work.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
