package hk.ccms.access.datacentre.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import hk.ccms.access.common.link.LinkTokens;
import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.SharedState;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;

/**
 * The peer DC's datacentre-state (SDC) as the service under test (PDC) sees it, as a real HTTP
 * server on loopback: {@code GET} and {@code PUT /internal/v1/datacentre/state} under the contract
 * (link token for audience {@code datacentre-state}; the higher (epoch, revision) wins, an equal one
 * is a no-op, a lower one is answered 409 {@code stale-epoch} with the state held). Tests make it act
 * as the peer would ({@link #switchOverTo}) and push that state to the service under test as the
 * peer does. Tests reach the running stub through {@link #running()}.
 */
public class PeerDataCentreStub implements QuarkusTestResourceLifecycleManager {

    public static final String STATE_PATH = "/internal/v1/datacentre/state";

    private static volatile PeerDataCentreStub running;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final LinkTokens linkTokens = LinkKey.tokensOf("datacentre-state", "SDC");
    private final List<SharedState> pushes = new CopyOnWriteArrayList<>();
    private volatile SharedState state;
    private volatile int forcedStatus;
    private volatile boolean failPushes;
    private LoopbackServer server;

    public static PeerDataCentreStub running() {
        if (running == null) {
            throw new IllegalStateException("PeerDataCentreStub is not started: use the OperatorApiProfile");
        }
        return running;
    }

    @Override
    public Map<String, String> start() {
        state = new SharedState(1L, 0L, "PDC", DataCentreMode.NORMAL, null, true, true, null, now(), null, null);
        server = new LoopbackServer(Map.of(STATE_PATH, this::stateCall));
        running = this;
        return Map.of("ccms.datacentre.peer-url", server.url(), "ccms.link.key", LinkKey.BASE64);
    }

    @Override
    public void stop() {
        server.close();
        running = null;
    }

    public SharedState state() {
        return state;
    }

    /** The states the service under test pushed, oldest first. */
    public List<SharedState> pushes() {
        return List.copyOf(pushes);
    }

    /** The peer is lost: nothing listens on its port any more. */
    public void shutDown() {
        server.shutDown();
    }

    /** The peer comes back on the same port. */
    public void startAgain() {
        server.startAgain();
    }

    public boolean isUp() {
        return server.isUp();
    }

    /** Answer every call with {@code status}; 0 to behave again. */
    public void answerWith(int status) {
        forcedStatus = status;
    }

    /** Answer pushes (PUT) with 503 while fetches (GET) still work; false to behave again. */
    public void failPushes(boolean fail) {
        failPushes = fail;
    }

    /** The peer enters {@code next} without pushing it: the service under test finds it at its next sync. */
    public void holdQuietly(SharedState next) {
        state = next;
    }

    /**
     * The peer, active, switches over to {@code targetDc} (its own drain is its business): a new
     * epoch in normal production there, pushed to the service under test as the peer would push it.
     */
    public ValidatableResponse switchOverTo(String targetDc) {
        return hold(new SharedState(state.epoch() + 1, state.revision() + 1, targetDc, DataCentreMode.NORMAL, null, true,
                true, null, now(), null, null));
    }

    /** The peer enters {@code next} (a test's own making) and pushes it to the service under test. */
    public ValidatableResponse hold(SharedState next) {
        state = next;
        return pushToServiceUnderTest(next);
    }

    /** A push as the peer makes it, to the service under test. */
    public ValidatableResponse pushToServiceUnderTest(SharedState pushed) {
        return given().header("Authorization", linkTokens.authorization("datacentre-state"))
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(write(pushed))
                .when().put(STATE_PATH).then();
    }

    /** The Authorization header the peer sends to the service under test. */
    public String authorization() {
        return linkTokens.authorization("datacentre-state");
    }

    private synchronized void stateCall(HttpExchange exchange) throws IOException {
        if (!LoopbackServer.linkAuthenticated(exchange, linkTokens, "datacentre-state")) {
            return;
        }
        if (forcedStatus != 0) {
            LoopbackServer.respond(exchange, forcedStatus, "application/problem+json", "{\"status\":" + forcedStatus + "}");
            return;
        }
        if ("PUT".equals(exchange.getRequestMethod())) {
            if (failPushes) {
                LoopbackServer.respond(exchange, 503, "application/problem+json", "{\"status\":503}");
                return;
            }
            SharedState pushed = json.readValue(exchange.getRequestBody(), SharedState.class);
            pushes.add(pushed);
            if (state.isNewerThan(pushed)) {
                ObjectNode problem = json.createObjectNode().put("type", "urn:ccms:problem:stale-epoch")
                        .put("title", "stale").put("status", 409).put("epoch", state.epoch());
                problem.set("state", json.valueToTree(state));
                LoopbackServer.respond(exchange, 409, "application/problem+json", problem.toString());
                return;
            }
            if (pushed.isNewerThan(state)) {
                state = pushed;
            }
        }
        LoopbackServer.respond(exchange, 200, "application/json", write(state));
    }

    private String write(SharedState value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
