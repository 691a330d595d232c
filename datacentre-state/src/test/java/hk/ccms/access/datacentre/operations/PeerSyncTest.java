package hk.ccms.access.datacentre.operations;

import com.fasterxml.jackson.databind.JsonNode;
import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.SharedState;
import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.LinkKey;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.datacentre.testing.PeerDataCentreStub;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.closeSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.openSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.PeerDataCentreStub.STATE_PATH;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both DCs holding one state: the link endpoints the peer calls, adopting a newer state (pushed or
 * found at a sync), refusing an older one, pushing this DC's newer state, and publishing the state
 * to this DC's auth-service at every sync; link tokens are required both ways.
 */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class PeerSyncTest {

    private final String operator = OperatorTokens.of("OPS01");
    private final PeerDataCentreStub peer = PeerDataCentreStub.running();
    private final AuthServiceStub auth = AuthServiceStub.running();

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(operator);
    }

    @Test
    void thePeerReadsTheStateWithALinkToken() {
        SharedState held = stateHere();
        given().header("Authorization", peer.authorization()).accept(ContentType.JSON)
                .when().get(STATE_PATH).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-cache"))
                .body("epoch", is((int) (long) held.epoch()))
                .body("revision", is((int) (long) held.revision()))
                .body("activeDc", is("PDC"))
                .body("mode", is("NORMAL"))
                .body("sessionName", nullValue())
                .body("carryForward", is(true))
                .body("businessFunctionsAvailable", is(true))
                .body("handingOverTo", nullValue())
                .body("updatedAt", matchesPattern(SwitchOverAndFailOverTest.ISO_UTC));
    }

    @Test
    void theLinkEndpointsAdmitOnlyLinkTokensForThisService() {
        List<String> refused = List.of(
                "",
                "Bearer " + operator,
                LinkKey.tokensOf("auth-service", "SDC").authorization("auth-service"),
                LinkKey.tokensOf("datacentre-state", "SDC", LinkKey.otherKey()).authorization("datacentre-state"));
        for (String authorization : refused) {
            assertProblem(given().header("Authorization", authorization).when().get(STATE_PATH).then(), 401, "link-unauthenticated");
            assertProblem(given().header("Authorization", authorization).contentType(ContentType.JSON).body(stateHere())
                    .when().put(STATE_PATH).then(), 401, "link-unauthenticated");
        }
    }

    @Test
    void aNewerStatePushedByThePeerIsAdoptedRecordedAndPublished() {
        SharedState held = stateHere();
        Instant updatedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        SharedState newer = new SharedState(held.epoch() + 1, held.revision() + 7, "SDC", DataCentreMode.FAILED_OVER, null,
                true, true, null, updatedAt, null, null);

        peer.hold(newer).statusCode(200).body("epoch", is((int) (held.epoch() + 1))).body("revision", is((int) (held.revision() + 7)));

        given().when().get(STATUS).then()
                .body("state.epoch", is((int) (held.epoch() + 1)))
                .body("state.revision", is((int) (held.revision() + 7)))
                .body("state.activeDc", is("SDC"))
                .body("state.mode", is("FAILED_OVER"))
                .body("state.updatedAt", is(updatedAt.toString()))
                .body("thisDcIsActive", is(false));
        overview(operator).body("history[0].kind", is("ADOPTED_FROM_PEER"))
                .body("history[0].actor", nullValue())
                .body("history[0].note", is("from SDC"))
                .body("history[0].recordedByDc", is("PDC"))
                .body("history[0].from.activeDc", is("PDC"))
                .body("history[0].to.revision", is((int) (held.revision() + 7)));
        JsonNode published = auth.lastPublishedState();
        assertEquals(held.epoch() + 1, published.path("epoch").asLong());
        assertEquals("SDC", published.path("activeDc").asText());
        assertTrue(published.path("confirmed").asBoolean());
    }

    /**
     * The peer pushes its state while this DC's own sync adopts the same state, or a push is
     * repeated after a timeout: every push is acknowledged, none is answered {@code state-changed},
     * and the state is adopted once. Each round has its own newer state, with the peer then active,
     * then this DC again, as at a switch-over and back.
     */
    @Test
    void theSameNewerStatePushedManyTimesAtOnceIsAcknowledgedEveryTimeAndAdoptedOnce() throws Exception {
        int pushesAtOnce = 6;
        ExecutorService pushers = Executors.newFixedThreadPool(pushesAtOnce);
        try {
            for (String active : List.of("SDC", "PDC", "SDC", "PDC")) {
                SharedState held = stateHere();
                long version = version();
                SharedState newer = new SharedState(held.epoch() + 1, held.revision() + 1, active, DataCentreMode.NORMAL, null,
                        true, true, null, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
                peer.holdQuietly(newer);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < pushesAtOnce; i++) {
                    answers.add(pushers.submit(() -> {
                        start.await();
                        return peer.pushToServiceUnderTest(newer).extract().statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertEquals(200, answer.get(30, TimeUnit.SECONDS), "a push of epoch " + newer.epoch());
                }
                assertEquals(newer.epoch(), stateHere().epoch());
                assertEquals(version + 1, version(), "adopted once");
            }
        } finally {
            pushers.shutdownNow();
        }
    }

    @Test
    void anOlderStateIsRefusedWithTheStateHeldAndAnEqualOneChangesNothing() {
        openSession(operator, "SESSION_1", "A change, so that there is an older revision").statusCode(200);
        closeSession(operator, "Session 1 over").statusCode(200);
        SharedState held = stateHere();
        long version = version();
        SharedState older = new SharedState(held.epoch(), held.revision() - 1, "SDC", DataCentreMode.NORMAL, null, true, true,
                null, Instant.now(), null, null);

        assertProblem(peer.pushToServiceUnderTest(older), 409, "stale-epoch")
                .body("epoch", is((int) (long) held.epoch()))
                .body("state.epoch", is((int) (long) held.epoch()))
                .body("state.revision", is((int) (long) held.revision()))
                .body("state.activeDc", is("PDC"));
        peer.pushToServiceUnderTest(held).statusCode(200).body("revision", is((int) (long) held.revision()));
        assertEquals(version, version());
    }

    @Test
    void anInconsistentOrMalformedStateIsRefused() {
        SharedState held = stateHere();
        long version = version();
        List<SharedState> invalid = List.of(
                // carry-forward off without a session
                new SharedState(held.epoch() + 1, 0L, "SDC", DataCentreMode.NORMAL, null, false, true, null, Instant.now(), null, null),
                // handing over to the active DC itself
                new SharedState(held.epoch() + 1, 0L, "SDC", DataCentreMode.NORMAL, null, true, true, "SDC", Instant.now(), null, null),
                // a third DC
                new SharedState(held.epoch() + 1, 0L, "XDC", DataCentreMode.NORMAL, null, true, true, null, Instant.now(), null, null));
        assertProblem(peer.pushToServiceUnderTest(invalid.get(0)), 400, "validation-failed");
        assertProblem(peer.pushToServiceUnderTest(invalid.get(1)), 400, "validation-failed");
        assertProblem(peer.pushToServiceUnderTest(invalid.get(2)), 422, "invalid-target");
        assertProblem(given().header("Authorization", peer.authorization()).contentType(ContentType.JSON).body("{\"epoch\":")
                .when().put(STATE_PATH).then(), 400, "malformed-request");
        assertEquals(version, version());
    }

    @Test
    void aNewerStateFoundAtTheNextSyncIsAdopted() {
        SharedState held = stateHere();
        peer.holdQuietly(new SharedState(held.epoch() + 1, held.revision() + 1, "SDC", DataCentreMode.NORMAL, null, true, true,
                null, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().when().get(STATUS).then().body("state.activeDc", is("SDC")).body("state.epoch", is((int) (held.epoch() + 1))));
    }

    @Test
    void anOlderPeerIsBroughtUpToDateAtTheNextSync() {
        SharedState held = stateHere();
        peer.holdQuietly(new SharedState(1L, 0L, "PDC", DataCentreMode.NORMAL, null, true, true, null, Instant.now(), null, null));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertEquals(held.epoch(), peer.state().epoch());
            assertEquals(held.revision(), peer.state().revision());
        });
    }

    @Test
    void theStatusShowsWhetherThePeerIsReachableAndAuthServiceIsToldTheStateEverySync() {
        given().when().get(STATUS).then()
                .body("confirmed", is(true))
                .body("peer.id", is("SDC"))
                .body("peer.configured", is(true))
                .body("peer.reachable", is(true))
                .body("peer.lastContactAt", matchesPattern(SwitchOverAndFailOverTest.ISO_UTC));
        int published = auth.publishedStates().size();
        await().atMost(Duration.ofSeconds(5)).until(() -> auth.publishedStates().size() >= published + 2);

        peer.shutDown();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().when().get(STATUS).then().body("peer.reachable", is(false)).body("peer.lastContactAt", notNullValue())
                        // Confirmed once, this DC stays confirmed: losing the peer later is what fail-over is for.
                        .body("confirmed", is(true)).body("thisDcIsActive", is(true)));
        peer.startAgain();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().when().get(STATUS).then().body("peer.reachable", is(true)));
    }

    @Test
    void authServiceThatWasUnreachableIsToldTheStateAtTheNextSync() {
        auth.answerInternalCallsWith(503);
        int published = auth.publishedStates().size();
        peer.hold(new SharedState(stateHere().epoch(), stateHere().revision() + 1, "PDC", DataCentreMode.NORMAL, null, true,
                true, null, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null)).statusCode(200);
        assertEquals(published, auth.publishedStates().size());

        auth.answerInternalCallsWith(0);
        long revision = stateHere().revision();
        await().atMost(Duration.ofSeconds(5)).until(() -> auth.lastPublishedState().path("revision").asLong() == revision);
    }

    private SharedState stateHere() {
        return given().header("Authorization", peer.authorization()).accept(ContentType.JSON)
                .when().get(STATE_PATH).then().statusCode(200).extract().as(SharedState.class);
    }

    private long version() {
        return overview(operator).statusCode(200).extract().<Number>path("version").longValue();
    }
}
