package hk.ccms.access.infra;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A real redis-server process (6.2, binary shipped in a jar), memory only, bound to loopback. */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final redis.embedded.RedisServer server;

    private RedisServer(int port) throws IOException {
        this.port = port;
        this.server = redis.embedded.RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 256mb")
                .setting("maxmemory-policy noeviction")
                .onShutdownForceStop(true)
                .build();
    }

    public static RedisServer start(int port) {
        try {
            RedisServer redis = new RedisServer(FreePorts.resolve(port));
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the process again after {@link #stop()}, on the same port and empty. */
    public void start() {
        try {
            if (!server.isActive()) {
                server.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
