package hk.ccms.access.datacentre.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import hk.ccms.access.common.link.LinkTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real HTTP server on loopback behind a stub: it can go away and come back on the same port,
 * and answers with JSON or problem+json; link-only paths check the link token as the services do.
 */
final class LoopbackServer {

    private static final String BEARER = "Bearer ";

    private final Map<String, HttpHandler> contexts;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private HttpServer server;
    private int port;

    /** Serves {@code contexts} (path prefix → handler) on a free port. */
    LoopbackServer(Map<String, HttpHandler> contexts) {
        this.contexts = contexts;
        serve(0);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean isUp() {
        return server != null;
    }

    /** Nothing listens on the port any more. */
    void shutDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    void startAgain() {
        if (server == null) {
            serve(port);
        }
    }

    void close() {
        shutDown();
        executor.shutdownNow();
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Whether the call carries a valid link token for {@code audience}; if not, it has been answered 401. */
    static boolean linkAuthenticated(HttpExchange exchange, LinkTokens tokens, String audience) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            if (authorization == null || !authorization.startsWith(BEARER)) {
                throw new LinkTokens.Refused("no link token");
            }
            tokens.verify(authorization.substring(BEARER.length()), audience);
            return true;
        } catch (LinkTokens.Refused refused) {
            respond(exchange, 401, "application/problem+json", "{\"type\":\"urn:ccms:problem:link-unauthenticated\",\"status\":401,"
                    + "\"detail\":\"A valid data-centre link token is required.\"}");
            return false;
        }
    }

    private void serve(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + onPort, e);
        }
        server.setExecutor(executor);
        contexts.forEach(server::createContext);
        server.start();
        port = server.getAddress().getPort();
    }
}
