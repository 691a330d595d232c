package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.testing.AdjustableClock;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.failOver;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * PDC, nominally active, starts with a peer that never answers: until it has confirmed its state
 * the scheduler opens nothing, even inside a window; a fail-over to PDC confirms it, and the
 * scheduler then opens the session whose window is running.
 */
@QuarkusTest
@TestProfile(ScheduledSessionsAtUnconfirmedStartTest.ScheduledWithoutPeer.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class ScheduledSessionsAtUnconfirmedStartTest {

    public static class ScheduledWithoutPeer extends UnconfirmedStartTest.PeerNeverAnswers {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.putAll(ScheduledSessionsTest.ON_SCHEDULE);
            return overrides;
        }
    }

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.resume();
    }

    @Test
    void nothingOpensOnScheduleUntilTheStateIsConfirmed() throws InterruptedException {
        String operator = OperatorTokens.of("OPS01");
        clock.standAt(Instant.parse("2023-06-10T10:30:00Z")); // inside Session 1's window
        Thread.sleep(3500);
        given().when().get(STATUS).then()
                .body("state.activeDc", is("PDC"))
                .body("confirmed", is(false))
                .body("state.session", nullValue());

        failOver(operator, "PDC", "SDC lost while PDC restarted").statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> overview(operator)
                .body("state.session.name", is("SESSION_1"))
                .body("history[0].kind", is("SESSION_OPENED"))
                .body("history[0].actor", is("scheduler")));
    }
}
