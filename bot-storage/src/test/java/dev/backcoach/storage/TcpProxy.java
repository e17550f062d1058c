package dev.backcoach.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback TCP forwarder in front of a real server, so a test can take the database away (every
 * connection cut, new ones refused) and bring it back on the same port, or hold every byte for a
 * while, as a database that has stalled.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    /** Bytes wait here while paused. */
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = bind(0);
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    public int port() {
        return port;
    }

    /** The database "goes down": connections drop and new ones are refused. */
    public void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /**
     * The database stalls: connections stay open, but no byte gets through until {@link #resume}.
     */
    public void pause() {
        gate = new CountDownLatch(1);
    }

    public void resume() {
        gate.countDown();
    }

    public void restore() throws IOException {
        server = bind(port);
        acceptLoop(server);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptLoop(ServerSocket listening) {
        Thread thread =
                new Thread(
                        () -> {
                            while (!listening.isClosed()) {
                                try {
                                    Socket client = listening.accept();
                                    Socket upstream =
                                            new Socket(
                                                    InetAddress.getLoopbackAddress(), targetPort);
                                    open.add(client);
                                    open.add(upstream);
                                    pump(client, upstream);
                                    pump(upstream, client);
                                } catch (IOException e) {
                                    return; // closed by cut()
                                }
                            }
                        },
                        "proxy-accept");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(Socket from, Socket to) {
        Thread thread =
                new Thread(
                        () -> {
                            byte[] buffer = new byte[16 * 1024];
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                    gate.await();
                                    out.write(buffer, 0, n);
                                    out.flush();
                                }
                            } catch (IOException e) {
                                // either side closed
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                try {
                                    from.close();
                                    to.close();
                                } catch (IOException ignored) {
                                    // already closed
                                }
                            }
                        },
                        "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
