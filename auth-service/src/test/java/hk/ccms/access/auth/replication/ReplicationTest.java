package hk.ccms.access.auth.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.ccms.access.auth.TestAccounts;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.TokenIssuer;
import hk.ccms.access.auth.service.replication.AccountImages;
import hk.ccms.access.common.link.LinkTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replication as auth-service of one data centre does it, against real PostgreSQL and Redis and a
 * real HTTP peer: the fence in the database, the outbox and its shipping, applying the peer's
 * batches, discarding a session whose changes stay at home, and quarantining writes of a lost epoch.
 * The data-centre state is reported over the link as datacentre-state would.
 */
@QuarkusTest
@QuarkusTestResource(value = PeerAuthServiceStub.class, restrictToAnnotatedClass = true)
class ReplicationTest {

    private static final String BATCHES = "/internal/v1/replication/batches";
    private static final AtomicLong REVISION = new AtomicLong(1_000);

    @Inject
    TestAccounts accounts;
    @Inject
    LinkTokens tokens;
    @Inject
    AccountImages images;

    private final ObjectMapper json = new ObjectMapper();
    private PeerAuthServiceStub peer;
    private long epoch;

    @BeforeEach
    void activeHere() {
        peer = PeerAuthServiceStub.running();
        peer.answer(200, "");
        epoch = status().extract().jsonPath().getLong("epoch") + 1;
        report(epoch, "PDC", null, null).statusCode(200).body("writable", equalTo(true));
        await("the outbox drains", () -> status().extract().jsonPath().getLong("pendingChanges") == 0);
        peer.forget();
    }

    @Test
    void linkEndpointsAdmitOnlyTheLinkTokenOfThisService() {
        assertProblem(given().get("/internal/v1/replication/status").then(), 401, "link-unauthenticated");
        assertProblem(given().header("Authorization", tokens.authorization("datacentre-state"))
                .get("/internal/v1/replication/status").then(), 401, "link-unauthenticated");
        assertProblem(given().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .get("/internal/v1/replication/status").then(), 401, "link-unauthenticated");
        status().body("dataCentre", equalTo("PDC")).body("digest", notNullValue());
    }

    @Test
    void aStateOfAnOlderEpochIsRefused() {
        assertProblem(report(epoch - 1, "PDC", null, null), 409, "stale-epoch").body("epoch", equalTo((int) epoch));
    }

    @Test
    void aFencedDataCentreRefusesEveryAccountWriteInTheDatabase() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);

        report(epoch, "PDC", "SDC", null).statusCode(200).body("writable", equalTo(false));

        RuntimeException refused = assertThrows(RuntimeException.class, () -> accounts.setEmail(account.userId, "new@test.example"));
        assertTrue(fencedByTheDatabase(refused), "the write was refused by the fence: " + refused);
        assertEquals(account.email, accounts.reload(account.userId).email);
        // A request that passed the data-centre check just before the fence closed gets the standby answer, not a 500.
        assertProblem(given().header("Authorization", "Bearer " + token.token()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "Fenced-Harbour-Lantern-77"))
                .post("/api/v1/account/password").then(), 503, "standby");
    }

    @Test
    void lockStateIsReplicatedButAStandbyCountsTheSignInsItTakesItself() {
        Account account = accounts.enrolledUser("CP0001");
        accounts.lock(account.userId);
        await("the lock is shipped", () -> shippedImageOf(account.userId) != null
                && !shippedImageOf(account.userId).path("account").path("locked_until").isNull());

        report(epoch, "PDC", "SDC", null).statusCode(200).body("writable", equalTo(false));
        long pending = status().extract().jsonPath().getLong("pendingChanges");
        accounts.unlockLocally(account.userId);

        assertEquals(null, accounts.reload(account.userId).lockedUntil, "counting sign-ins is allowed at a fenced data centre");
        assertEquals(pending, status().extract().jsonPath().getLong("pendingChanges"), "...and kept there, not shipped");
    }

    @Test
    void everyAccountChangeIsShippedUntilThePeerAcknowledgesIt() {
        Account account = accounts.enrolledUser("CP0001");
        await("the new account is shipped", () -> shippedImageOf(account.userId) != null);
        peer.answer(503, "dependency-unavailable");
        peer.forget();

        accounts.setEmail(account.userId, "shipped@test.example");

        await("the failure is reported", () -> status().extract().jsonPath().getString("lastShipError") != null);
        assertTrue(status().extract().jsonPath().getLong("pendingChanges") > 0, "the change waits while the peer refuses");
        peer.answer(200, "");
        await("the change is shipped", () -> status().extract().jsonPath().getLong("pendingChanges") == 0);
        JsonNode image = shippedImageOf(account.userId);
        assertEquals("shipped@test.example", image.path("account").path("email").asText());
        PeerAuthServiceStub.Call call = peer.calls(BATCHES).get(peer.calls(BATCHES).size() - 1);
        assertEquals(epoch, call.body().path("epoch").asLong());
        assertEquals("PDC", call.body().path("sourceDc").asText());
        assertLinkToken(call.authorization());
        status().body("lastShipError", equalTo(null)).body("lag.changes", greaterThan(0));
    }

    @Test
    void aStandbyAppliesThePeersBatchesAndRecordsNothingToShipBack() throws Exception {
        Account account = accounts.enrolledUser("CP0001");
        await("the new account is shipped", () -> shippedImageOf(account.userId) != null);
        ObjectNode image = imageOf(account.userId);
        ((ObjectNode) image.get("account")).put("email", "from-the-peer@test.example");
        report(epoch, "SDC", null, null).statusCode(200).body("writable", equalTo(false));
        peer.forget();

        int seq = (int) REVISION.incrementAndGet();
        batch("SDC", epoch, seq, account.userId, image).statusCode(200).body("appliedSeq", equalTo(seq));

        assertEquals("from-the-peer@test.example", accounts.reload(account.userId).email);
        status().body("pendingChanges", equalTo(0)).body("appliedFromPeer.seq", equalTo(seq)).body("appliedFromPeer.sourceDc", equalTo("SDC"));
        assertProblem(batch("SDC", epoch - 1, seq + 1, account.userId, image), 409, "stale-epoch");
        report(epoch, "PDC", null, null).statusCode(200);
        assertProblem(batch("SDC", epoch, seq + 2, account.userId, image), 409, "replication-refused");
    }

    @Test
    void aBatchOfALaterEpochFencesThisDataCentreBeforeItIsApplied() throws Exception {
        Account account = accounts.enrolledUser("CP0001");
        ObjectNode image = imageOf(account.userId);

        batch("SDC", epoch + 1, REVISION.incrementAndGet(), account.userId, image).statusCode(200);

        status().body("writable", equalTo(false)).body("epoch", equalTo((int) epoch + 1)).body("activeDc", equalTo("SDC"));
    }

    @Test
    void aSessionWhoseChangesStayHereIsUndoneWhenItCloses() {
        Account account = accounts.enrolledUser("CP0001");
        String before = imageText(account.userId);
        report(epoch, "PDC", null, "SESSION_2").statusCode(200).body("carryForward", equalTo(false)).body("writable", equalTo(true));
        TokenIssuer.IssuedToken session = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);

        accounts.setEmail(account.userId, "session-two@test.example");
        accounts.setEmail(account.userId, "session-two-again@test.example");
        Account created = accounts.enrolledUser("CP0001");

        assertEquals("session-two-again@test.example", accounts.reload(account.userId).email);
        report(epoch, "PDC", null, null).statusCode(200).body("carryForward", equalTo(true));

        assertEquals(before, imageText(account.userId), "the account is what it was before the session, to the byte");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> images.image(created.userId).isEmpty()),
                "an account the session created is gone");
        assertProblem(given().header("Authorization", "Bearer " + session.token()).get("/api/v1/ccms/session").then(),
                401, "unauthenticated");
        assertTrue(peer.calls(BATCHES).stream().noneMatch(call -> call.body().toString().contains("session-two")),
                "nothing of the session was shipped");
    }

    @Test
    void aStandbyKeepsItsSessionsWhenThePeersSessionEnds() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken session = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        report(epoch, "SDC", null, "SESSION_2").statusCode(200).body("carryForward", equalTo(true)).body("sessionName", equalTo(null));

        report(epoch, "SDC", null, null).statusCode(200);

        given().header("Authorization", "Bearer " + session.token()).get("/api/v1/ccms/session").then().statusCode(200);
    }

    @Test
    void writesOfALostEpochAreQuarantinedRestoredFromThePeerAndDecidedByAnOperator() throws Exception {
        Account account = accounts.enrolledUser("CP0001");
        await("the account is shipped", () -> shippedImageOf(account.userId) != null);
        ObjectNode replicated = imageOf(account.userId);
        peer.answer(503, "dependency-unavailable");
        accounts.setEmail(account.userId, "cut-off@test.example");

        // Meanwhile the peer was failed over: this data centre learns of the later epoch.
        report(epoch + 1, "SDC", null, null).statusCode(200).body("writable", equalTo(false)).body("openQuarantine", greaterThan(0));
        peer.answer(200, "");
        await("the peer is asked to re-ship the account", () -> peer.calls("/internal/v1/replication/reship").stream()
                .anyMatch(call -> call.body().toString().contains(account.userId)));
        assertLinkToken(peer.calls("/internal/v1/replication/reship").get(0).authorization());
        // ...which it does, with the state it holds.
        batch("SDC", epoch + 1, REVISION.incrementAndGet(), account.userId, replicated).statusCode(200);
        assertEquals(account.email, accounts.reload(account.userId).email);

        long id = quarantineOf(account.userId).path("id").asLong();
        assertEquals("OPEN", quarantineOf(account.userId).path("status").asText());
        assertTrue(quarantineOf(account.userId).path("changedFields").toString().contains("email"));
        assertFalse(quarantineOf(account.userId).toString().contains("argon2"), "no password hash is shown");

        decide(id, "reapply").statusCode(200).body("status", equalTo("REAPPLIED")).body("decidedBy", equalTo("OPS01"));
        JsonNode sent = peer.calls("/internal/v1/replication/reapply").get(0).body();
        assertEquals("cut-off@test.example", json.readTree(sent.path("account").asText()).path("email").asText());
        assertProblem(decide(id, "drop"), 409, "quarantine-decided");
        assertEquals(1, accounts.auditByAction(AuditAction.QUARANTINE_REAPPLIED).stream()
                .filter(event -> account.userId.equals(event.subjectUserId)).count());
    }

    @Test
    void aQuarantinedChangeCanBeDroppedAndAnUnknownOneIsNotFound() {
        Account account = accounts.enrolledUser("CP0001");
        await("the account is shipped", () -> shippedImageOf(account.userId) != null);
        peer.answer(503, "dependency-unavailable");
        accounts.setEmail(account.userId, "dropped@test.example");
        report(epoch + 1, "SDC", null, null).statusCode(200);
        long id = quarantineOf(account.userId).path("id").asLong();

        decide(id, "drop").statusCode(200).body("status", equalTo("DROPPED")).body("reason", equalTo("drill"));
        assertProblem(decide(999_999, "drop"), 404, "quarantine-not-found");
        assertProblem(link().contentType(ContentType.JSON).body(Map.of("operator", "OPS01"))
                .post("/internal/v1/replication/quarantine/" + id + "/drop").then(), 400, "validation-failed");
    }

    @Test
    void malformedReportsAndBatchesAreRefusedWithProblems() {
        assertProblem(link().contentType(ContentType.JSON).body("{\"epoch\":").put("/internal/v1/datacentre-state").then(),
                400, "malformed-request");
        assertProblem(link().contentType(ContentType.JSON).body(Map.of("epoch", epoch, "activeDc", "pdc; drop table account"))
                .put("/internal/v1/datacentre-state").then(), 400, "validation-failed");
        Map<String, Object> noSession = new HashMap<>(Map.of("epoch", epoch, "revision", 1, "activeDc", "PDC", "confirmed", true,
                "carryForward", false, "businessFunctionsAvailable", false));
        assertProblem(link().contentType(ContentType.JSON).body(noSession).put("/internal/v1/datacentre-state").then(),
                400, "validation-failed");
        assertProblem(link().contentType(ContentType.JSON).body(Map.of("sourceDc", "SDC", "epoch", epoch, "lastSeq", 1,
                "accounts", List.of())).post(BATCHES).then(), 400, "validation-failed");
    }

    // --- helpers ---

    private RequestSpecification link() {
        return given().header("Authorization", tokens.authorization("auth-service"));
    }

    private ValidatableResponse report(long epoch, String activeDc, String handingOverTo, String noCarryForwardSession) {
        Map<String, Object> body = new HashMap<>();
        body.put("epoch", epoch);
        body.put("revision", REVISION.incrementAndGet());
        body.put("activeDc", activeDc);
        body.put("handingOverTo", handingOverTo);
        body.put("confirmed", true);
        body.put("sessionName", noCarryForwardSession);
        body.put("carryForward", noCarryForwardSession == null);
        body.put("businessFunctionsAvailable", noCarryForwardSession == null);
        return link().contentType(ContentType.JSON).body(body).put("/internal/v1/datacentre-state").then();
    }

    private ValidatableResponse status() {
        return link().get("/internal/v1/replication/status").then().statusCode(200);
    }

    private ValidatableResponse batch(String sourceDc, long epoch, long lastSeq, String userId, JsonNode image) {
        Map<String, Object> account = new HashMap<>();
        account.put("userId", userId);
        account.put("image", image == null ? null : image.toString());
        return link().contentType(ContentType.JSON)
                .body(Map.of("sourceDc", sourceDc, "epoch", epoch, "lastSeq", lastSeq, "accounts", List.of(account)))
                .post(BATCHES).then();
    }

    private ValidatableResponse decide(long id, String decision) {
        return link().contentType(ContentType.JSON).body(Map.of("operator", "OPS01", "reason", "drill"))
                .post("/internal/v1/replication/quarantine/" + id + "/" + decision).then();
    }

    private JsonNode quarantineOf(String userId) {
        try {
            for (JsonNode entry : json.readTree(link().get("/internal/v1/replication/quarantine").then().statusCode(200).extract().asString())) {
                if (entry.path("userId").asText().equals(userId)) {
                    return entry;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fail("no quarantine entry for " + userId);
    }

    private String imageText(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> images.image(userId).orElseThrow());
    }

    private ObjectNode imageOf(String userId) throws Exception {
        return (ObjectNode) json.readTree(imageText(userId));
    }

    /** The image of the account in the last batch the peer received that has it. */
    private JsonNode shippedImageOf(String userId) {
        List<PeerAuthServiceStub.Call> batches = peer.calls(BATCHES);
        for (int i = batches.size() - 1; i >= 0; i--) {
            for (JsonNode account : batches.get(i).body().path("accounts")) {
                if (account.path("userId").asText().equals(userId)) {
                    try {
                        return json.readTree(account.path("image").asText());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return null;
    }

    private void assertLinkToken(String authorization) {
        try {
            assertEquals("auth-service@PDC", tokens.verify(authorization.substring("Bearer ".length()), "auth-service"));
        } catch (LinkTokens.Refused refused) {
            fail("the peer was called without a valid link token: " + refused.getMessage());
        }
    }

    private static boolean fencedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "CCF01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
