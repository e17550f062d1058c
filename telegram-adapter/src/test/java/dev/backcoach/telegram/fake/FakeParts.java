package dev.backcoach.telegram.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The parts of one {@link FakeBotApi}, wired together, and the HTTP server in front of them. */
final class FakeParts {

    private static final AtomicInteger SERVER_THREADS = new AtomicInteger();

    final String token;
    final BotApiSpec spec = BotApiSpec.get();
    final FakeState state = new FakeState();
    final TelegramJson json = new TelegramJson();
    final MessageStore store = new MessageStore(json);
    final UpdateQueue queue = new UpdateQueue(state);
    final UserUpdates users = new UserUpdates(state, queue, store, json);
    final BotProfile profile = new BotProfile();
    final FaultPlan faults = new FaultPlan();
    final BotApiRouter router;
    final HttpServer server;
    private final ExecutorService executor;

    FakeParts(String token) throws IOException {
        this.token = token;
        this.router =
                new BotApiRouter(
                        token,
                        spec,
                        state,
                        faults,
                        queue,
                        new BotApiMethods(queue, store, users, profile, json));
        this.executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t =
                                    new Thread(
                                            r, "fake-bot-api-" + SERVER_THREADS.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", router::handle);
        server.start();
    }

    /** Stops the server at once; pending long polls return {@code []}. */
    void close() {
        state.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
