package hk.ccms.access.datacentre.operations;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static hk.ccms.access.datacentre.testing.OperatorApi.OPERATIONS;
import static hk.ccms.access.datacentre.testing.OperatorApi.as;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.reasonBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operators' view of replication and their decisions on quarantined writes, through this DC's auth-service. */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class ReplicationAndQuarantineTest {

    @Inject
    DataSource dataSource;

    private final String operator = OperatorTokens.of("OPS01");
    private final AuthServiceStub auth = AuthServiceStub.running();

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(operator);
    }

    @Test
    void theReplicationViewIsAskedOfAuthServiceNow() {
        long requests = auth.statusRequests();
        auth.pendingChanges(4, -1);
        given().auth().oauth2(operator).when().get(OPERATIONS + "/replication").then().statusCode(200)
                .body("dataCentre.id", is("PDC"))
                .body("thisDcIsActive", is(true))
                .body("confirmed", is(true))
                .body("state.activeDc", is("PDC"))
                .body("peer.id", is("SDC"))
                .body("peer.reachable", is(true))
                .body("authService.dataCentre", is("PDC"))
                .body("authService.pendingChanges", is(4))
                .body("authService.writable", is(true))
                .body("authService.digest", matchesPattern("[0-9a-f]{64}"))
                .body("lastPublishedAt", matchesPattern(SwitchOverAndFailOverTest.ISO_UTC));
        assertTrue(auth.statusRequests() > requests);

        auth.answerInternalCallsWith(503);
        assertProblem(given().auth().oauth2(operator).when().get(OPERATIONS + "/replication").then(), 503, "dependency-unavailable")
                .header("Retry-After", notNullValue());
        assertProblem(given().auth().oauth2(operator).when().get(OPERATIONS + "/quarantine").then(), 503, "dependency-unavailable");
    }

    @Test
    void quarantineDecisionsArePassedToAuthServiceAndRecordedInTheHistory() throws SQLException {
        auth.quarantine(7, "ALICE01");
        auth.quarantine(8, "BOB01");
        given().auth().oauth2(operator).when().get(OPERATIONS + "/quarantine").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.containsInAnyOrder(7, 8))
                .body("find { it.id == 7 }.userId", is("ALICE01"))
                .body("find { it.id == 7 }.status", is("OPEN"))
                .body("find { it.id == 7 }.changedFields", contains("password"));
        long version = overview(operator).extract().<Number>path("version").longValue();

        decide(7, "reapply", "Checked with the participant: keep the new password").statusCode(200)
                .body("entry.id", is(7))
                .body("entry.status", is("REAPPLIED"))
                .body("entry.decidedBy", is("OPS01"))
                .body("change.kind", is("QUARANTINE_REAPPLIED"))
                .body("change.quarantineId", is(7))
                .body("change.actor", is("OPS01"))
                .body("change.reason", is("Checked with the participant: keep the new password"));
        JsonNode sent = auth.quarantineDecisions().get(auth.quarantineDecisions().size() - 1);
        assertEquals("OPS01", sent.path("operator").asText());
        assertEquals("Checked with the participant: keep the new password", sent.path("reason").asText());

        decide(8, "drop", "Made at the fenced DC by mistake").statusCode(200)
                .body("entry.status", is("DROPPED"))
                .body("change.kind", is("QUARANTINE_DROPPED"))
                .body("change.quarantineId", is(8));

        // auth-service's refusals are passed on as they are.
        assertProblem(decide(7, "drop", "Changed my mind"), 409, "quarantine-decided");
        assertProblem(decide(99, "drop", "No such entry"), 404, "not-found");
        // The state itself did not change; the decisions are in the audited history.
        assertEquals(version, overview(operator).extract().<Number>path("version").longValue());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select kind, quarantine_id, actor, reason from state_change
                     where quarantine_id is not null order by id desc limit 2""")) {
            assertTrue(rows.next());
            assertEquals("QUARANTINE_DROPPED", rows.getString("kind"));
            assertEquals(8, rows.getLong("quarantine_id"));
            assertEquals("OPS01", rows.getString("actor"));
            assertTrue(rows.next());
            assertEquals("QUARANTINE_REAPPLIED", rows.getString("kind"));
            assertEquals(7, rows.getLong("quarantine_id"));
        }
    }

    @Test
    void aQuarantineDecisionNeedsAReasonAndAnId() {
        auth.quarantine(9, "CAROL01");
        int decisions = auth.quarantineDecisions().size();
        assertProblem(decide(9, "reapply", ""), 400, "validation-failed");
        assertProblem(decide(9, "drop", "x".repeat(501)), 400, "validation-failed");
        assertProblem(decide(0, "drop", "Not an id"), 400, "validation-failed");
        assertProblem(as(operator).body(reasonBody("Not a number")).post(OPERATIONS + "/quarantine/seven/drop").then(),
                404, "not-found");
        assertEquals(decisions, auth.quarantineDecisions().size());

        auth.answerInternalCallsWith(503);
        assertProblem(decide(9, "reapply", "auth-service is down"), 503, "dependency-unavailable");
    }

    private ValidatableResponse decide(long id, String decision, String reason) {
        return as(operator).body(reasonBody(reason)).post(OPERATIONS + "/quarantine/{id}/" + decision, id).then();
    }
}
