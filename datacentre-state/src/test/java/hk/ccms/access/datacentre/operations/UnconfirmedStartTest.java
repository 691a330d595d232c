package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.failOver;
import static hk.ccms.access.datacentre.testing.OperatorApi.openSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchOver;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PDC starts with a peer configured that never answers: it holds a state in which it is active,
 * but until it has exchanged state with its peer it must not act on it, because the peer may have
 * failed over meanwhile. An operator's fail-over to PDC confirms it under a new epoch.
 */
@QuarkusTest
@TestProfile(UnconfirmedStartTest.PeerNeverAnswers.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class UnconfirmedStartTest {

    public static class PeerNeverAnswers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, every connection is refused.
            return Map.of("ccms.datacentre.peer-url", "http://127.0.0.1:1", "ccms.datacentre.peer-timeout", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AuthServiceStub.class));
        }
    }

    @Test
    void anUnconfirmedDcNeverSaysItIsActiveUntilAnOperatorFailsOverToIt() {
        String operator = OperatorTokens.of("OPS01");
        given().when().get(STATUS).then().statusCode(200)
                .body("state.activeDc", is("PDC"))
                .body("state.epoch", is(1))
                .body("confirmed", is(false))
                .body("thisDcIsActive", is(false))
                .body("peer.configured", is(true))
                .body("peer.reachable", is(false))
                .body("peer.lastContactAt", nullValue());
        await().atMost(Duration.ofSeconds(5)).until(() -> AuthServiceStub.running().lastPublishedState() != null);
        assertFalse(AuthServiceStub.running().lastPublishedState().path("confirmed").asBoolean(),
                "auth-service is told: not confirmed, so not writable");

        assertProblem(openSession(operator, "SESSION_1", "Session 1 at an unconfirmed DC"), 409, "not-active-dc")
                .body("detail", containsString("not confirmed"));
        assertProblem(switchOver(operator, "SDC", "Switch from an unconfirmed DC"), 409, "not-active-dc");

        failOver(operator, "PDC", "SDC lost while PDC restarted").statusCode(200)
                .body("state.activeDc", is("PDC"))
                .body("state.mode", is("FAILED_OVER"))
                .body("state.epoch", is(2))
                .body("change.kind", is("FAILED_OVER"))
                .body("change.from.epoch", is(1))
                .body("change.from.activeDc", is("PDC"))
                .body("authService.acknowledged", is(true));
        given().when().get(STATUS).then()
                .body("confirmed", is(true))
                .body("thisDcIsActive", is(true));
        assertTrue(AuthServiceStub.running().lastPublishedState().path("confirmed").asBoolean());
        assertEquals(2, AuthServiceStub.running().lastPublishedState().path("epoch").asLong());

        // Confirmed and active now: a second fail-over has nothing to take over.
        assertProblem(failOver(operator, "PDC", "Again"), 409, "already-active");
    }
}
