package hk.ccms.access.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks loopback ports for servers that must be told their port before they start. */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code requested} when it is positive, otherwise a port the OS reports free right now. */
    public static int resolve(int requested) {
        if (requested > 0) {
            return requested;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /**
     * {@code requested} with every non-positive entry replaced by a free port. The picked ports are all different:
     * each is held open until the last is picked, so the OS cannot hand out one twice to servers that will all be
     * told their ports before any of them binds.
     */
    public static int[] resolveAll(int... requested) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[requested.length];
            for (int i = 0; i < requested.length; i++) {
                if (requested[i] > 0) {
                    ports[i] = requested[i];
                } else {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    held.add(socket);
                    ports[i] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // only held to reserve its number
        }
    }

    /** A port on which nothing listens, for tests of a dependency that is down. */
    public static int closed() {
        return resolve(0);
    }
}
