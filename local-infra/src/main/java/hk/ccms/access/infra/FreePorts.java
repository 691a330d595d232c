package hk.ccms.access.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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

    /** A port on which nothing listens, for tests of a dependency that is down. */
    public static int closed() {
        return resolve(0);
    }
}
