package hk.ccms.access.auth.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The peer data centre's auth-service as a real HTTP server on loopback: it records what this
 * auth-service sends over the link (with the Authorization header it came with) and answers
 * success, or whatever status a test sets. Reached through {@link #running()}.
 */
public class PeerAuthServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String LINK_KEY = "cmVwbGljYXRpb24tdGVzdC1saW5rLWtleS0zMi1ieXRlcyE=";
    private static volatile PeerAuthServiceStub running;

    /** One call received: path, Authorization header, JSON body. */
    public record Call(String path, String authorization, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String problemType = "";
    private HttpServer server;

    public static PeerAuthServiceStub running() {
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/replication/", this::handle);
        server.start();
        running = this;
        return Map.of("ccms.auth.replication.peer-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "ccms.link.key", LINK_KEY,
                // A datacentre-state that never answers: the state arrives only as the tests report it.
                "ccms.auth.datacentre-state.url", "http://127.0.0.1:9",
                "ccms.auth.datacentre-state.max-staleness", "PT1H",
                "ccms.auth.replication.ship-interval", "100ms");
    }

    @Override
    public void stop() {
        server.stop(0);
        running = null;
    }

    public void answer(int status, String problemType) {
        this.status = status;
        this.problemType = problemType;
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    public void forget() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                json.readTree(body)));
        int answered = status;
        byte[] response = answered == 200
                ? (exchange.getRequestURI().getPath().endsWith("/batches") ? "{\"epoch\":1,\"appliedSeq\":1}" : new String(body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)
                : ("{\"type\":\"urn:ccms:problem:" + problemType + "\",\"status\":" + answered + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answered == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answered, response.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response);
        }
    }
}
