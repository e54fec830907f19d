package cn.yunxi.kepu.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between the application and an engine (Redis, MariaDB) that a test can break:
 * {@link #hang()} stops moving bytes (a network partition: TCP neither delivers nor resets, so every call waits),
 * {@link #reset()} drops every connection and refuses new ones (a crashed or restarting server), {@link #heal()}
 * lets bytes flow again (held ones are delivered, as TCP would once the partition heals).
 */
public final class FaultProxy implements AutoCloseable {

    private enum Mode { PASS, HANG, DOWN }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.PASS;

    public FaultProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void hang() {
        mode = Mode.HANG;
    }

    public void reset() {
        mode = Mode.DOWN;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    public void heal() {
        synchronized (gate) {
            mode = Mode.PASS;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.DOWN) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(upstream, 2000);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // listener closed, or the upstream refused: the client sees its connection closed
            }
        }
    }

    private void pump(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitFlow();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "fault-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitFlow() throws InterruptedException, IOException {
        synchronized (gate) {
            while (mode == Mode.HANG) {
                gate.wait();
            }
        }
        if (mode == Mode.DOWN) {
            throw new IOException("proxy down");
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        reset();
        closeQuietly(listener);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
