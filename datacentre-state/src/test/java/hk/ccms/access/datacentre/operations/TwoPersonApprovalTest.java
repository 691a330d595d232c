package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.testing.AdjustableClock;
import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static hk.ccms.access.datacentre.testing.OperatorApi.OPERATIONS;
import static hk.ccms.access.datacentre.testing.OperatorApi.approve;
import static hk.ccms.access.datacentre.testing.OperatorApi.as;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.closeSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.openSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.reasonBody;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchOver;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With two-person approval on, one operator's action waits until a different operator approves it. */
@QuarkusTest
@TestProfile(TwoPersonApprovalTest.TwoPersons.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class TwoPersonApprovalTest {

    public static class TwoPersons extends OperatorApiProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("ccms.datacentre.operations.two-person-approval", "true");
            return overrides;
        }
    }

    private static final String APPROVALS = OPERATIONS + "/approvals";

    @Inject
    AdjustableClock clock;

    private final String alice = OperatorTokens.of("OPS01");
    private final String bob = OperatorTokens.of("OPS02");

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(alice);
    }

    @AfterEach
    void realTime() {
        clock.resume();
    }

    @Test
    void aSwitchOverWaitsForASecondOperatorAndIsRecordedWithBoth() {
        long version = version();
        Instant asked = Instant.now();
        long id = switchOver(alice, "SDC", "Planned switch, needs a second pair of eyes").statusCode(202)
                .body("action", is("SWITCH_OVER"))
                .body("requestedBy", is("OPS01"))
                .body("reason", is("Planned switch, needs a second pair of eyes"))
                .body("targetDc", is("SDC"))
                .body("status", is("PENDING"))
                .extract().<Number>path("id").longValue();
        Instant expiresAt = Instant.parse(given().auth().oauth2(bob).when().get(APPROVALS).then().statusCode(200)
                .body("id", hasItem((int) id))
                .extract().path("find { it.id == " + id + " }.expiresAt"));
        assertTrue(Duration.between(asked, expiresAt).compareTo(Duration.ofMinutes(14)) > 0
                && Duration.between(asked, expiresAt).compareTo(Duration.ofMinutes(16)) < 0, expiresAt::toString);
        assertEquals(version, version(), "nothing happens before the approval");

        assertProblem(approve(alice, id), 403, "approval-by-requester");
        assertEquals(version, version());

        approve(bob, id).statusCode(200)
                .body("approval.status", is("APPROVED"))
                .body("approval.decidedBy", is("OPS02"))
                .body("action.state.activeDc", is("SDC"))
                .body("action.change.kind", is("SWITCHED_OVER"))
                .body("action.change.actor", is("OPS01"))
                .body("action.change.approvedBy", is("OPS02"))
                .body("action.change.reason", is("Planned switch, needs a second pair of eyes"));
        overview(bob).body("history[1].kind", is("HANDOVER_STARTED")).body("history[1].approvedBy", is("OPS02"));
        given().auth().oauth2(bob).when().get(APPROVALS).then().body("id", not(hasItem((int) id)));
        assertProblem(approve(OperatorTokens.of("OPS03"), id), 409, "approval-decided");
    }

    @Test
    void aRejectedRequestNeverRuns() {
        long id = openSession(alice, "SESSION_1", "Session 1").statusCode(202).extract().<Number>path("id").longValue();
        as(bob).body(reasonBody("Not today")).when().post(APPROVALS + "/{id}/reject", id).then().statusCode(200)
                .body("status", is("REJECTED"))
                .body("decidedBy", is("OPS02"))
                .body("decisionReason", is("Not today"));
        assertProblem(approve(bob, id), 409, "approval-decided");
        overview(alice).body("state.session", nullValue());
    }

    @Test
    void aRequestExpires() {
        long id = openSession(alice, "SESSION_1", "Session 1").statusCode(202).extract().<Number>path("id").longValue();
        clock.standAt(Instant.now().plus(Duration.ofMinutes(16)));
        given().auth().oauth2(bob).when().get(APPROVALS).then().body("id", not(hasItem((int) id)));
        assertProblem(approve(bob, id), 409, "approval-expired");
        clock.resume();
        overview(alice).body("state.session", nullValue());
    }

    @Test
    void anApprovedActionTheStateRefusesWaitsAgainAndAHopelessOneIsRefusedAtOnce() {
        long version = version();
        int waiting = waitingCount();
        assertProblem(switchOver(alice, "PDC", "Already here"), 409, "already-active");
        assertProblem(openSession(alice, "SESSION_9", "No such session"), 404, "unknown-session");
        assertEquals(waiting, waitingCount(), "no request was recorded for them");

        // Session 2 runs at SDC: found out when the action runs, after the approval.
        long id = openSession(alice, "SESSION_2", "Session 2 at the wrong DC").statusCode(202).extract().<Number>path("id").longValue();
        assertProblem(approve(bob, id), 409, "session-dc-not-active");
        given().auth().oauth2(bob).when().get(APPROVALS).then().body("find { it.id == " + id + " }.status", is("PENDING"));
        assertEquals(version, version());
        as(alice).body(reasonBody("Withdrawn")).when().post(APPROVALS + "/{id}/reject", id).then().statusCode(200);
    }

    @Test
    void quarantineDecisionsAndSessionClosingNeedASecondOperatorToo() {
        AuthServiceStub.running().quarantine(7, "ALICE01");
        long drop = as(alice).body(reasonBody("Written at the fenced DC")).post(OPERATIONS + "/quarantine/7/drop").then()
                .statusCode(202).body("action", is("DROP_QUARANTINE")).body("quarantineId", is(7))
                .extract().<Number>path("id").longValue();
        approve(bob, drop).statusCode(200)
                .body("quarantine.entry.status", is("DROPPED"))
                .body("quarantine.change.kind", is("QUARANTINE_DROPPED"))
                .body("quarantine.change.actor", is("OPS01"))
                .body("quarantine.change.approvedBy", is("OPS02"));
        assertEquals("OPS01", AuthServiceStub.running().quarantineDecisions().get(0).path("operator").asText());

        long open = openSession(alice, "SESSION_1", "Session 1").statusCode(202).extract().<Number>path("id").longValue();
        approve(bob, open).statusCode(200).body("action.state.session.name", is("SESSION_1"));
        ValidatableResponse close = closeSession(bob, "Session 1 over").statusCode(202).body("action", is("CLOSE_SESSION"));
        approve(alice, close.extract().<Number>path("id").longValue()).statusCode(200)
                .body("action.state.session", nullValue())
                .body("action.change.actor", is("OPS02"))
                .body("action.change.approvedBy", is("OPS01"));
    }

    private int waitingCount() {
        return given().auth().oauth2(bob).when().get(APPROVALS).then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private long version() {
        return overview(alice).statusCode(200).extract().<Number>path("version").longValue();
    }
}
