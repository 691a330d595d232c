package hk.ccms.access.datacentre.operations;

import com.fasterxml.jackson.databind.JsonNode;
import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.datacentre.testing.PeerDataCentreStub;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.awaitPeerHoldsOurState;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.openSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchOver;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planned switch-over protocol at the active PDC: fence writes at auth-service, drain
 * replication (bounded), then the new epoch at SDC, which learns it by a push; and every way it
 * refuses or gives up without leaving the pair changed. The drain timeout is 2 s in this profile.
 */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class PlannedSwitchOverTest {

    private final String operator = OperatorTokens.of("OPS01");
    private final AuthServiceStub auth = AuthServiceStub.running();
    private final PeerDataCentreStub peer = PeerDataCentreStub.running();

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(operator);
    }

    @Test
    void writesAreFencedAndReplicationDrainsBeforeThePeerTakesTheNewEpoch() {
        long epoch = epoch();
        int publishedBefore = auth.publishedStates().size();
        auth.pendingChanges(5, 3);
        long statusRequestsBefore = auth.statusRequests();

        switchOver(operator, "SDC", "Planned switch to the secondary").statusCode(200)
                .body("state.activeDc", is("SDC"))
                .body("state.epoch", is((int) epoch + 1))
                .body("state.handingOverTo", nullValue())
                .body("unavailableMillis", greaterThanOrEqualTo(0))
                .body("warning", nullValue())
                .body("authService.acknowledged", is(true))
                .body("authService.replicationStatus.writable", is(false));

        // auth-service was told of the hand-over (the fence) before the new epoch, and asked until nothing was pending.
        List<JsonNode> published = auth.publishedStates().subList(publishedBefore, auth.publishedStates().size());
        int fence = indexOf(published, state -> "SDC".equals(state.path("handingOverTo").asText(null))
                && state.path("epoch").asLong() == epoch && "PDC".equals(state.path("activeDc").asText()));
        int switched = indexOf(published, state -> state.path("epoch").asLong() == epoch + 1);
        assertTrue(fence >= 0 && switched > fence, published::toString);
        assertTrue(auth.statusRequests() - statusRequestsBefore >= 4, "polled until drained");

        // The peer acknowledged the new state: it holds it.
        assertEquals(epoch + 1, peer.state().epoch());
        assertEquals("SDC", peer.state().activeDc());
        assertTrue(peer.pushes().stream().anyMatch(pushed -> "SDC".equals(pushed.handingOverTo())),
                "the peer learnt of the hand-over too");
        overview(operator).body("history[0].kind", is("SWITCHED_OVER"))
                .body("history[1].kind", is("HANDOVER_STARTED"))
                .body("history[1].actor", is("OPS01"))
                .body("history[1].reason", is("Planned switch to the secondary"));
    }

    @Test
    void whileReplicationDrainsThisDcNoLongerSaysItIsActive() throws Exception {
        auth.pendingChanges(2, 30); // about 1.5 s at a poll every 50 ms
        int publishedBefore = auth.publishedStates().size();
        CompletableFuture<ExtractableResponse<Response>> switching = CompletableFuture.supplyAsync(
                () -> switchOver(operator, "SDC", "Switch while changes are pending").extract());

        // The hand-over is committed a moment before it is published: wait for both, the drain is still on.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            given().when().get(STATUS).then()
                    .body("state.handingOverTo", is("SDC"))
                    .body("state.activeDc", is("PDC"))
                    .body("thisDcIsActive", is(false));
            assertTrue(auth.publishedStates().stream().skip(publishedBefore)
                    .anyMatch(state -> "SDC".equals(state.path("handingOverTo").asText())), "auth-service was never told of the hand-over");
        });
        // A periodic publication read before the hand-over may arrive after it; auth-service orders them by revision.
        List<JsonNode> published = auth.publishedStates().subList(publishedBefore, auth.publishedStates().size());
        JsonNode fence = published.stream().filter(state -> "SDC".equals(state.path("handingOverTo").asText()))
                .findFirst().orElseThrow();
        assertTrue(fence.path("confirmed").asBoolean());
        assertTrue(published.stream().filter(state -> state.path("handingOverTo").isNull())
                        .allMatch(state -> state.path("revision").asLong() < fence.path("revision").asLong()),
                () -> "a state without the hand-over published meanwhile is older than the fence: " + published);
        assertEquals(200, switching.get(10, TimeUnit.SECONDS).statusCode());
        given().when().get(STATUS).then().body("state.activeDc", is("SDC")).body("state.handingOverTo", nullValue());
    }

    @Test
    void replicationThatDoesNotDrainInTimeAbortsTheSwitchOverAndLiftsTheFence() {
        long epoch = epoch();
        auth.pendingChanges(3, -1);

        assertProblem(switchOver(operator, "SDC", "Switch with a stuck replication"), 503, "switch-over-not-drained")
                .header("Retry-After", notNullValue())
                .body("pendingChanges", is(3));

        given().when().get(STATUS).then()
                .body("state.activeDc", is("PDC"))
                .body("state.epoch", is((int) epoch))
                .body("state.handingOverTo", nullValue())
                .body("thisDcIsActive", is(true));
        assertTrue(auth.lastPublishedState().path("handingOverTo").isNull(), "the fence is lifted at auth-service");
        overview(operator).body("history[0].kind", is("HANDOVER_ABORTED"))
                .body("history[0].actor", is("OPS01"))
                .body("history[0].note", containsString("did not drain"))
                .body("history[0].to.handingOverTo", nullValue())
                .body("history[1].kind", is("HANDOVER_STARTED"));
        awaitPeerHoldsOurState(operator);
        assertEquals("PDC", peer.state().activeDc());
        assertEquals(null, peer.state().handingOverTo());
    }

    @Test
    void authServiceLostDuringTheDrainAbortsTheSwitchOver() {
        auth.pendingChanges(1, -1);
        CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> "SDC".equals(auth.lastPublishedState().path("handingOverTo").asText(null)));
            auth.answerInternalCallsWith(503);
        });

        assertProblem(switchOver(operator, "SDC", "Switch while auth-service fails"), 503, "switch-over-not-drained");
        auth.answerInternalCallsWith(0);
        overview(operator).body("state.activeDc", is("PDC")).body("state.handingOverTo", nullValue())
                .body("history[0].kind", is("HANDOVER_ABORTED"));
    }

    @Test
    void withoutAuthServiceToFenceWritesNothingChanges() {
        long version = version();
        auth.answerInternalCallsWith(503);

        assertProblem(switchOver(operator, "SDC", "Switch without auth-service"), 503, "dependency-unavailable")
                .header("Retry-After", notNullValue());
        auth.answerInternalCallsWith(0);
        assertEquals(version, version());
        overview(operator).body("state.activeDc", is("PDC")).body("thisDcIsActive", is(true));
    }

    @Test
    void withoutThePeerThereIsNoSwitchOverButAFailOver() {
        long version = version();
        peer.shutDown();

        assertProblem(switchOver(operator, "SDC", "Switch to a lost peer"), 503, "peer-unreachable")
                .body("detail", containsString("use fail-over if the peer is lost"));
        assertEquals(version, version());
        given().when().get(STATUS).then().body("peer.reachable", is(false)).body("peer.id", is("SDC"));
    }

    @Test
    void aSwitchOverIsRefusedWhileASessionIsOpen() {
        openSession(operator, "SESSION_1", "Session 1").statusCode(200);
        long version = version();
        assertProblem(switchOver(operator, "SDC", "Switch during the session"), 409, "session-open")
                .body("session", is("SESSION_1"));
        assertEquals(version, version());
    }

    @Test
    void aPeerThatDoesNotAcknowledgeTheNewStateAdoptsItAtItsNextSync() {
        long epoch = epoch();
        peer.failPushes(true);

        JsonPath answer = switchOver(operator, "SDC", "Switch with a flaky link").statusCode(200)
                .body("state.activeDc", is("SDC"))
                .body("unavailableMillis", nullValue())
                .body("warning", containsString("next sync"))
                .extract().jsonPath();
        assertEquals(epoch + 1, answer.getLong("state.epoch"));
        assertFalse(peer.state().epoch() == epoch + 1, "the peer has not taken it yet");

        peer.failPushes(false);
        awaitPeerHoldsOurState(operator);
        assertEquals("SDC", peer.state().activeDc());
    }

    private static int indexOf(List<JsonNode> states, java.util.function.Predicate<JsonNode> match) {
        for (int i = 0; i < states.size(); i++) {
            if (match.test(states.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private long epoch() {
        return overview(operator).statusCode(200).extract().<Number>path("state.epoch").longValue();
    }

    private long version() {
        return overview(operator).statusCode(200).extract().<Number>path("version").longValue();
    }
}
