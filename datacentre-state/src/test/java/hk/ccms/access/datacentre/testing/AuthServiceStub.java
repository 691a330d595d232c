package hk.ccms.access.datacentre.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * auth-service of the data centre as far as datacentre-state sees it, as a real HTTP server on
 * loopback: it publishes the key set of a key pair made at start ({@code /.well-known/jwks.json})
 * and answers the operator-session check ({@code GET /api/v1/operations/session}) with 200 for a
 * live session and 401 for one a test revoked. It trusts the token it is shown (auth-service's
 * own tests cover verifying it); what matters here is how datacentre-state reacts to each answer.
 * Tests reach the running stub through {@link #running()}.
 */
public class AuthServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String SESSION_PATH = "/api/v1/operations/session";
    public static final String KEY_ID = "datacentre-state-test-key";

    private static volatile AuthServiceStub running;

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> revokedSessions = ConcurrentHashMap.newKeySet();
    private final List<String> presentedAuthorizations = new CopyOnWriteArrayList<>();
    private volatile int forcedStatus;
    private KeyPair keys;
    private HttpServer server;
    private ExecutorService executor;
    private int port;

    public static AuthServiceStub running() {
        if (running == null) {
            throw new IllegalStateException("AuthServiceStub is not started: use the OperatorApiProfile");
        }
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newFixedThreadPool(4);
        serve(0);
        running = this;
        String url = "http://127.0.0.1:" + port;
        return Map.of(
                "mp.jwt.verify.publickey.location", url + "/.well-known/jwks.json",
                "ccms.datacentre.auth-service.url", url,
                "ccms.datacentre.auth-service.timeout", "2S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        running = null;
    }

    public PrivateKey signingKey() {
        return keys.getPrivate();
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** auth-service goes away: nothing listens on its port any more. */
    public void shutDown() {
        server.stop(0);
    }

    /** auth-service comes back on the same port. */
    public void startAgain() {
        serve(port);
    }

    /** The session behind tokens carrying this {@code sid} was logged out or its account disabled. */
    public void revoke(String sessionId) {
        revokedSessions.add(sessionId);
    }

    /** Answer every session check with {@code status}, whatever the token; 0 to behave again. */
    public void answerSessionChecksWith(int status) {
        forcedStatus = status;
    }

    /** The Authorization headers of the session checks received so far, oldest first. */
    public List<String> presentedAuthorizations() {
        return List.copyOf(presentedAuthorizations);
    }

    private void serve(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + onPort, e);
        }
        server.setExecutor(executor);
        server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, 200, "application/json", jwks()));
        server.createContext(SESSION_PATH, this::sessionCheck);
        server.start();
        port = server.getAddress().getPort();
    }

    private void sessionCheck(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        presentedAuthorizations.add(String.valueOf(authorization));
        if (forcedStatus != 0) {
            respond(exchange, forcedStatus, "application/problem+json", "{\"status\":" + forcedStatus + "}");
            return;
        }
        String sessionId = authorization == null || !authorization.startsWith("Bearer ") ? null
                : sessionIdOf(authorization.substring("Bearer ".length()));
        if (sessionId == null || revokedSessions.contains(sessionId)) {
            respond(exchange, 401, "application/problem+json",
                    "{\"type\":\"urn:ccms:problem:unauthenticated\",\"status\":401}");
            return;
        }
        respond(exchange, 200, "application/json", "{\"sessionId\":\"" + sessionId + "\"}");
    }

    private String sessionIdOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.hasNonNull("sid") ? claims.get("sid").asText() : null;
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KEY_ID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
