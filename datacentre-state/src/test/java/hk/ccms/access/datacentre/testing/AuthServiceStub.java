package hk.ccms.access.datacentre.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.ccms.access.common.link.LinkTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * auth-service of the data centre as far as datacentre-state sees it, as a real HTTP server on
 * loopback: it publishes the key set of a key pair made at start ({@code /.well-known/jwks.json})
 * and answers the operator-session check ({@code GET /api/v1/operations/session}) with 200 and the
 * session view (from the token's claims) for a live session and 401 for one a test revoked or
 * logged out ({@code POST /api/v1/session/logout}). It trusts the operator token it is shown
 * (auth-service's own tests cover verifying it); what matters here is how datacentre-state reacts
 * to each answer.
 * <p>
 * Its internal API (contract of issue 5) admits only link tokens made with {@link LinkKey} for
 * audience {@code auth-service}: it takes published states ({@code PUT /internal/v1/datacentre-state},
 * refusing an older epoch with {@code stale-epoch} and keeping the newest revision of its epoch),
 * reports a replication status whose pending changes a test sets, and holds a quarantine. Tests
 * reach the running stub through {@link #running()}.
 */
public class AuthServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String SESSION_PATH = "/api/v1/operations/session";
    public static final String LOGOUT_PATH = "/api/v1/session/logout";
    public static final long IDLE_TIMEOUT_SECONDS = 600;
    public static final String KEY_ID = "datacentre-state-test-key";

    private static volatile AuthServiceStub running;

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> revokedSessions = ConcurrentHashMap.newKeySet();
    private final List<String> presentedAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> logoutAuthorizations = new CopyOnWriteArrayList<>();
    private volatile int forcedLogoutStatus;
    private volatile int forcedStatus;
    private volatile int forcedInternalStatus;
    private final LinkTokens linkTokens = LinkKey.tokensOf("datacentre-state", "PDC");
    private final List<JsonNode> publishedStates = new CopyOnWriteArrayList<>();
    private final AtomicLong statusRequests = new AtomicLong();
    private final AtomicLong pendingChanges = new AtomicLong();
    private final AtomicInteger drainAfterPolls = new AtomicInteger(-1);
    private final Map<Long, ObjectNode> quarantine = new ConcurrentHashMap<>();
    private final List<JsonNode> quarantineDecisions = new CopyOnWriteArrayList<>();
    private volatile JsonNode held;
    private KeyPair keys;
    private LoopbackServer server;

    public static AuthServiceStub running() {
        if (running == null) {
            throw new IllegalStateException("AuthServiceStub is not started: use the OperatorApiProfile");
        }
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, HttpHandler> contexts = new LinkedHashMap<>();
        contexts.put("/.well-known/jwks.json", exchange -> LoopbackServer.respond(exchange, 200, "application/json", jwks()));
        contexts.put(SESSION_PATH, this::sessionCheck);
        contexts.put(LOGOUT_PATH, this::logout);
        contexts.put("/internal/v1/datacentre-state", exchange -> internal(exchange, this::takeState));
        contexts.put("/internal/v1/replication/status", exchange -> internal(exchange, this::replicationStatus));
        contexts.put("/internal/v1/replication/quarantine", exchange -> internal(exchange, this::quarantineCall));
        server = new LoopbackServer(contexts);
        running = this;
        String url = server.url();
        return Map.of(
                "mp.jwt.verify.publickey.location", url + "/.well-known/jwks.json",
                "ccms.datacentre.auth-service.url", url,
                "ccms.datacentre.auth-service.timeout", "2S",
                "ccms.link.key", LinkKey.BASE64);
    }

    @Override
    public void stop() {
        server.close();
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
        server.shutDown();
    }

    /** auth-service comes back on the same port. */
    public void startAgain() {
        server.startAgain();
    }

    /** The session behind tokens carrying this {@code sid} was logged out or its account disabled. */
    public void revoke(String sessionId) {
        revokedSessions.add(sessionId);
    }

    /** Answer every session check with {@code status}, whatever the token; 0 to behave again. */
    public void answerSessionChecksWith(int status) {
        forcedStatus = status;
    }

    /** Answer every logout with {@code status}, ending no session; 0 to behave again. */
    public void answerLogoutsWith(int status) {
        forcedLogoutStatus = status;
    }

    /** The Authorization headers of the logouts received so far, oldest first. */
    public List<String> logoutAuthorizations() {
        return List.copyOf(logoutAuthorizations);
    }

    /** Answer every internal (link) call with {@code status}, while operator session checks go on; 0 to behave again. */
    public void answerInternalCallsWith(int status) {
        forcedInternalStatus = status;
    }

    /** The states datacentre-state published so far, oldest first. */
    public List<JsonNode> publishedStates() {
        return List.copyOf(publishedStates);
    }

    /**
     * The state auth-service acts on: the newest (epoch, revision) published, as auth-service keeps
     * it. A sync tick's publication can arrive after a newer one, and auth-service ignores it.
     */
    public JsonNode lastPublishedState() {
        return held;
    }

    /** Replication reports {@code count} changes pending; -1 for {@code polls}: until a test changes it. */
    public void pendingChanges(long count, int drainedAfterPolls) {
        pendingChanges.set(count);
        drainAfterPolls.set(drainedAfterPolls);
    }

    public long statusRequests() {
        return statusRequests.get();
    }

    /** Puts an OPEN entry into the quarantine. */
    public void quarantine(long id, String userId) {
        ObjectNode entry = json.createObjectNode().put("id", id).put("userId", userId).put("epoch", 1)
                .put("firstChangeAt", "2026-01-01T00:00:00Z").put("quarantinedAt", "2026-01-01T00:01:00Z")
                .put("status", "OPEN").putNull("decidedBy").putNull("decidedAt").putNull("reason");
        entry.putArray("changedFields").add("password");
        quarantine.put(id, entry);
    }

    /** The bodies of the quarantine decisions received so far. */
    public List<JsonNode> quarantineDecisions() {
        return List.copyOf(quarantineDecisions);
    }

    /** Back to a behaving auth-service with nothing pending and nothing quarantined. */
    public void reset() {
        forcedStatus = 0;
        forcedLogoutStatus = 0;
        forcedInternalStatus = 0;
        pendingChanges(0, -1);
        quarantine.clear();
    }

    /** The Authorization headers of the session checks received so far, oldest first. */
    public List<String> presentedAuthorizations() {
        return List.copyOf(presentedAuthorizations);
    }

    /** Answers as auth-service does: the session view for a live session, 401 for an ended one. */
    private void sessionCheck(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        presentedAuthorizations.add(String.valueOf(authorization));
        if (forcedStatus != 0) {
            LoopbackServer.respond(exchange, forcedStatus, "application/problem+json", "{\"status\":" + forcedStatus + "}");
            return;
        }
        JsonNode claims = liveSessionClaims(authorization);
        if (claims == null) {
            LoopbackServer.respond(exchange, 401, "application/problem+json",
                    "{\"type\":\"urn:ccms:problem:unauthenticated\",\"status\":401}");
            return;
        }
        ObjectNode session = json.createObjectNode()
                .put("userId", claims.path("sub").asText())
                .putNull("participantId")
                .put("role", claims.path("role").asText())
                .put("function", claims.path("function").asText())
                .put("expiresAt", Instant.ofEpochSecond(claims.path("exp").asLong()).toString())
                .put("idleTimeoutSeconds", IDLE_TIMEOUT_SECONDS);
        session.set("authenticationMethods", claims.has("amr") ? claims.get("amr") : json.createArrayNode());
        LoopbackServer.respond(exchange, 200, "application/json", session.toString());
    }

    /** Ends the session as auth-service's logout does: from then on its session check answers 401. */
    private void logout(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        logoutAuthorizations.add(String.valueOf(authorization));
        if (!"POST".equals(exchange.getRequestMethod())) {
            problem(exchange, 405, "method-not-allowed", "POST only.");
            return;
        }
        if (forcedLogoutStatus != 0) {
            problem(exchange, forcedLogoutStatus, "dependency-unavailable", "forced by the test");
            return;
        }
        JsonNode claims = liveSessionClaims(authorization);
        if (claims == null) {
            problem(exchange, 401, "unauthenticated", "No live session.");
            return;
        }
        revoke(claims.path("sid").asText());
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** The claims of the bearer token if its session is live (not revoked); null otherwise. */
    private JsonNode liveSessionClaims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        JsonNode claims = claimsOf(authorization.substring("Bearer ".length()));
        if (claims == null || !claims.hasNonNull("sid") || revokedSessions.contains(claims.get("sid").asText())) {
            return null;
        }
        return claims;
    }

    private interface InternalHandler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void internal(HttpExchange exchange, InternalHandler handler) throws IOException {
        if (!LoopbackServer.linkAuthenticated(exchange, linkTokens, "auth-service")) {
            return;
        }
        if (forcedInternalStatus != 0) {
            problem(exchange, forcedInternalStatus, "dependency-unavailable", "forced by the test");
            return;
        }
        handler.handle(exchange);
    }

    private synchronized void takeState(HttpExchange exchange) throws IOException {
        JsonNode state = json.readTree(exchange.getRequestBody());
        long epoch = state.path("epoch").asLong();
        if (held != null && epoch < held.path("epoch").asLong()) {
            problem(exchange, 409, "stale-epoch", "older epoch");
            return;
        }
        publishedStates.add(state);
        if (held == null || epoch > held.path("epoch").asLong()
                || state.path("revision").asLong() >= held.path("revision").asLong()) {
            held = state;
        }
        LoopbackServer.respond(exchange, 200, "application/json", status().toString());
    }

    private void replicationStatus(HttpExchange exchange) throws IOException {
        statusRequests.incrementAndGet();
        if (drainAfterPolls.get() >= 0 && drainAfterPolls.getAndDecrement() == 0) {
            pendingChanges.set(0);
        }
        LoopbackServer.respond(exchange, 200, "application/json", status().toString());
    }

    /** The status as auth-service would report it for the last state it was told. */
    private ObjectNode status() {
        JsonNode state = lastPublishedState();
        boolean writable = state != null && "PDC".equals(state.path("activeDc").asText())
                && state.path("handingOverTo").isNull() && state.path("confirmed").asBoolean();
        ObjectNode status = json.createObjectNode().put("dataCentre", "PDC")
                .put("epoch", state == null ? 0 : state.path("epoch").asLong())
                .put("activeDc", state == null ? null : state.path("activeDc").asText())
                .put("writable", writable)
                .put("carryForward", state == null || state.path("carryForward").asBoolean())
                .put("pendingChanges", pendingChanges.get())
                .put("lastShippedSeq", 120).put("openQuarantine", quarantine.size()).put("accounts", 10)
                .put("digest", "0".repeat(64));
        status.set("sessionName", state == null ? null : state.path("sessionName"));
        return status;
    }

    private void quarantineCall(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().replaceFirst("^/internal/v1/replication/quarantine/?", "").split("/");
        if ("GET".equals(exchange.getRequestMethod()) && path[0].isEmpty()) {
            LoopbackServer.respond(exchange, 200, "application/json", json.valueToTree(quarantine.values()).toString());
            return;
        }
        ObjectNode entry = quarantine.get(Long.parseLong(path[0]));
        if (entry == null) {
            problem(exchange, 404, "not-found", "No such quarantine entry.");
            return;
        }
        if (!"OPEN".equals(entry.path("status").asText())) {
            problem(exchange, 409, "quarantine-decided", "Already decided.");
            return;
        }
        JsonNode decision = json.readTree(exchange.getRequestBody());
        quarantineDecisions.add(decision);
        entry.put("status", "reapply".equals(path[1]) ? "REAPPLIED" : "DROPPED")
                .put("decidedBy", decision.path("operator").asText()).put("decidedAt", "2026-01-01T00:02:00Z")
                .put("reason", decision.path("reason").asText());
        LoopbackServer.respond(exchange, 200, "application/json", entry.toString());
    }

    private static void problem(HttpExchange exchange, int status, String slug, String detail) throws IOException {
        LoopbackServer.respond(exchange, status, "application/problem+json", "{\"type\":\"urn:ccms:problem:" + slug
                + "\",\"title\":\"" + slug + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    private JsonNode claimsOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    private String jwks() {
        try {
            PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(keys.getPublic());
            key.setKeyId(KEY_ID);
            key.setAlgorithm("ES256");
            key.setUse("sig");
            return new JsonWebKeySet(key).toJson();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
