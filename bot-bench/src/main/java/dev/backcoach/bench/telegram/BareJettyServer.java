package dev.backcoach.bench.telegram;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The spike beside {@link BareHttpServer}: Jetty 12 on loopback answering every request with an
 * empty 200, the body parsed not at all (Jetty drains it when the response completes), answered on
 * the thread that read the request. The webhook benchmark measures both the same way ({@code
 * BENCH_TARGETS="bare bare-jetty"}), by CPU per request and p99, to tell whether the JDK server is
 * what limits the bot.
 *
 * <p>Run: {@code java -cp bot-bench/target/benchmarks.jar
 * dev.backcoach.bench.telegram.BareJettyServer PORT}
 */
public final class BareJettyServer {
    private BareJettyServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BareJettyServer PORT");
            System.exit(2);
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(
                new Handler.Abstract.NonBlocking() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        response.setStatus(200);
                        callback.succeeded();
                        return true;
                    }
                });
        server.start();
        System.out.println("bare Jetty server on 127.0.0.1:" + connector.getLocalPort());
        server.join();
    }
}
