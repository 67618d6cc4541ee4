package io.tidemark.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of the AWS API emulator whose link can be cut and restored: an outage as clients
 * see it (open connections reset, new ones refused at once) while the emulator keeps its state, which stopping
 * moto cannot do (a restarted moto_server starts empty). Hand-written for that one thing only.
 */
public final class CuttableTcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private CuttableTcpProxy(ServerSocket server, URI target) {
        this.server = server;
        this.target = target;
    }

    /** Forwards a free loopback port to {@code target} ({@code http://host:port}). */
    public static CuttableTcpProxy to(URI target) {
        try {
            CuttableTcpProxy proxy = new CuttableTcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
            Thread acceptor = new Thread(proxy::accept, "cuttable-proxy-" + proxy.server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(CuttableTcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(target.getHost(), target.getPort());
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the server socket was closed, or one connection failed: the client sees a reset
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection reset or cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cuttable-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
