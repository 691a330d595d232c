package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.datacentre.testing.PeerDataCentreStub;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.closeSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.openSession;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Session 2 where it runs: this DC is SDC (the peer stand-in plays PDC). Its changes do not carry
 * forward, so closing it is complete only when auth-service has been told and has discarded them;
 * while auth-service cannot be told, the close stands and says the discard is pending.
 */
@QuarkusTest
@TestProfile(SecondarySessionTest.Secondary.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class SecondarySessionTest {

    public static class Secondary extends OperatorApiProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.putAll(Map.of(
                    "ccms.datacentre.id", "SDC",
                    "ccms.datacentre.name", "Secondary Data Centre",
                    "ccms.datacentre.role", "SECONDARY",
                    "ccms.datacentre.peer-id", "PDC"));
            return overrides;
        }
    }

    @Test
    void closingSessionTwoIsCompleteOnlyWhenAuthServiceHasDiscardedItsChanges() {
        String operator = OperatorTokens.of("OPS01");
        AuthServiceStub auth = AuthServiceStub.running();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get(STATUS).then().body("confirmed", is(true)));

        // PDC, active, switches over to this DC; SDC adopts it and accepts writes.
        PeerDataCentreStub.running().switchOverTo("SDC").statusCode(200);
        given().when().get(STATUS).then().body("state.activeDc", is("SDC")).body("thisDcIsActive", is(true));

        openSession(operator, "SESSION_2", "Test day, Session 2").statusCode(200)
                .body("state.carryForward", is(false))
                .body("authService.acknowledged", is(true));
        assertEquals("SESSION_2", auth.lastPublishedState().path("sessionName").asText());
        assertFalse(auth.lastPublishedState().path("carryForward").asBoolean());

        auth.answerInternalCallsWith(503);
        closeSession(operator, "Session 2 over").statusCode(200)
                .body("state.session", nullValue())
                .body("state.carryForward", is(true))
                .body("authService.acknowledged", is(false))
                .body("discardPending", is(true));
        assertEquals("SESSION_2", auth.lastPublishedState().path("sessionName").asText(), "auth-service not told yet");

        // auth-service is back: the periodic publication tells it the session is gone, which completes the close.
        auth.answerInternalCallsWith(0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertEquals(true, auth.lastPublishedState().path("sessionName").isNull());
            assertEquals(true, auth.lastPublishedState().path("carryForward").asBoolean());
        });

        openSession(operator, "SESSION_2", "Session 2, second run").statusCode(200);
        closeSession(operator, "Session 2 over again").statusCode(200)
                .body("authService.acknowledged", is(true))
                .body("discardPending", is(false));
    }
}
