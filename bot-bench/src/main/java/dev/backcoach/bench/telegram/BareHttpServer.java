package dev.backcoach.bench.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The ceiling of the webhook benchmark ({@code scripts/bench-telegram-webhook.sh}): the JDK's HTTP
 * server on loopback answering every request with an empty 200, the body read and parsed not at
 * all. Whatever the bot does on top of this costs throughput. Answers on its dispatcher thread, as
 * cheaply as the server allows.
 *
 * <p>Run: {@code java -cp bot-bench/target/benchmarks.jar
 * dev.backcoach.bench.telegram.BareHttpServer PORT}
 */
public final class BareHttpServer {
    private BareHttpServer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BareHttpServer PORT");
            System.exit(2);
        }
        // As in the bot: without it a response waits for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(
                                InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])),
                        1024);
        server.createContext("/", BareHttpServer::handle);
        server.start();
        System.out.println("bare server on 127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream()); // drained, so the connection stays open
            exchange.sendResponseHeaders(200, -1);
        }
    }
}
