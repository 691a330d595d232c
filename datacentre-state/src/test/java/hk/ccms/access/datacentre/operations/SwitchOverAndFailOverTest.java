package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.PeerDataCentreStub;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static hk.ccms.access.datacentre.testing.OperatorApi.OPERATIONS;
import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.as;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.awaitPeerHoldsOurState;
import static hk.ccms.access.datacentre.testing.OperatorApi.failOver;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchOver;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planned switch-over and disaster fail-over as operators ask for them, at PDC (peer SDC stands in). */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class SwitchOverAndFailOverTest {

    static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    @Inject
    DataSource dataSource;

    private final String alice = OperatorTokens.of("OPS01");
    private final String bob = OperatorTokens.of("OPS02");

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(alice);
    }

    @Test
    void theOverviewShowsTheStateThisDcItsPeerTheHistoryAndTheSessions() {
        JsonPath overview = overview(alice).statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("dataCentre.id", is("PDC"))
                .body("dataCentre.name", is("Primary Data Centre"))
                .body("dataCentre.role", is("PRIMARY"))
                .body("peerDc", is("SDC"))
                .body("thisDcIsActive", is(true))
                .body("state.activeDc", is("PDC"))
                .body("state.mode", is("NORMAL"))
                .body("state.session", nullValue())
                .body("state.businessFunctionsAvailable", is(true))
                .body("state.carryForward", is(true))
                .body("state.updatedAt", matchesPattern(ISO_UTC))
                .body("sessions.name", hasItems("SESSION_1", "SESSION_2"))
                .extract().jsonPath();

        Map<String, Object> session1 = overview.getMap("sessions.find { it.name == 'SESSION_1' }");
        assertEquals("PDC", session1.get("dataCentre"));
        assertEquals(Map.of("date", "2023-06-10", "start", "18:00", "end", "20:00", "timeZone", "Asia/Hong_Kong"),
                session1.get("window"));
        assertEquals(false, session1.get("businessFunctionsAvailable"));
        assertEquals(true, session1.get("carryForward"));
        Map<String, Object> session2 = overview.getMap("sessions.find { it.name == 'SESSION_2' }");
        assertEquals("SDC", session2.get("dataCentre"));
        assertEquals(Map.of("date", "2023-06-10", "start", "22:00", "end", "23:00", "timeZone", "Asia/Hong_Kong"),
                session2.get("window"));
        assertEquals(false, session2.get("businessFunctionsAvailable"));
        assertEquals(false, session2.get("carryForward"));

        List<Map<String, Object>> history = overview.getList("history");
        assertFalse(history.isEmpty());
        for (Map<String, Object> entry : history) {
            assertTrue(((String) entry.get("recordedAt")).matches(ISO_UTC), entry.toString());
            assertEquals("PDC", entry.get("recordedByDc"));
            if ("INITIALISED".equals(entry.get("kind"))) {
                assertNull(entry.get("actor"), entry.toString());
                assertNull(entry.get("from"), entry.toString());
            } else if ("ADOPTED_FROM_PEER".equals(entry.get("kind"))) {
                assertNull(entry.get("actor"), entry.toString());
                assertEquals("from SDC", entry.get("note"), entry.toString());
                assertNotNull(entry.get("from"), entry.toString());
            } else {
                assertTrue(((String) entry.get("actor")).startsWith("OPS"), entry.toString());
                assertFalse(((String) entry.get("reason")).isBlank(), entry.toString());
                assertNotNull(entry.get("from"), entry.toString());
            }
        }
    }

    @Test
    void theOverviewShowsTheLatest50ChangesNewestFirst() throws SQLException {
        while (count("select count(*) from state_change") <= 51) {
            switchOver(alice, "SDC", "Filling the history").statusCode(200);
            PeerDataCentreStub.running().switchOverTo("PDC").statusCode(200);
        }
        long latest = count("select max(id) from state_change");

        List<Map<String, Object>> history = overview(alice).statusCode(200).extract().jsonPath().getList("history");
        assertEquals(50, history.size());
        assertEquals(latest, ((Number) history.get(0).get("id")).longValue());
        for (int i = 1; i < history.size(); i++) {
            assertTrue(((Number) history.get(i - 1).get("id")).longValue() > ((Number) history.get(i).get("id")).longValue(),
                    "newest first");
        }
    }

    @Test
    void aPlannedSwitchOverToThePeerAndBackRaisesTheEpochEachTimeAndIsRecorded() {
        JsonPath before = overview(alice).extract().jsonPath();
        long epoch = before.getLong("state.epoch");
        long version = before.getLong("version");

        JsonPath toSdc = switchOver(alice, "SDC", "Planned switch to the secondary for the test day").statusCode(200)
                .contentType(ContentType.JSON)
                .body("state.activeDc", is("SDC"))
                .body("state.mode", is("NORMAL"))
                .body("state.epoch", is((int) epoch + 1))
                .body("state.carryForward", is(true))
                .body("state.businessFunctionsAvailable", is(true))
                .body("state.handingOverTo", nullValue())
                .body("change.kind", is("SWITCHED_OVER"))
                .body("change.actor", is("OPS01"))
                .body("change.reason", is("Planned switch to the secondary for the test day"))
                .body("change.recordedByDc", is("PDC"))
                .body("change.recordedAt", matchesPattern(ISO_UTC))
                .body("change.from.epoch", is((int) epoch))
                .body("change.from.activeDc", is("PDC"))
                .body("change.from.handingOverTo", is("SDC"))
                .body("change.to.epoch", is((int) epoch + 1))
                .body("change.to.activeDc", is("SDC"))
                .body("change.outsideWindow", nullValue())
                .extract().jsonPath();
        assertTrue(toSdc.getLong("version") > version);

        given().when().get(STATUS).then().statusCode(200)
                .body("state.activeDc", is("SDC"))
                .body("state.epoch", is((int) epoch + 1))
                .body("thisDcIsActive", is(false));

        // The way back is SDC's to take: PDC refuses it, naming the active DC.
        long versionAtSdc = version();
        assertProblem(switchOver(bob, "PDC", "Back to the primary, asked at the wrong DC"), 409, "not-active-dc")
                .body("activeDc", is("SDC"))
                .body("detail", containsString("SDC"));
        assertEquals(versionAtSdc, version());
        PeerDataCentreStub.running().switchOverTo("PDC").statusCode(200)
                .body("activeDc", is("PDC")).body("epoch", is((int) epoch + 2));

        JsonPath after = overview(alice).body("thisDcIsActive", is(true)).extract().jsonPath();
        assertEquals("ADOPTED_FROM_PEER", after.getString("history[0].kind"));
        assertEquals(epoch + 2, after.getLong("history[0].to.epoch"));
        assertEquals("PDC", after.getString("history[0].to.activeDc"));
        assertEquals(epoch + 1, after.getLong("history[0].from.epoch"));
        assertEquals("SWITCHED_OVER", after.getString("history[1].kind"));
        assertEquals("Planned switch to the secondary for the test day", after.getString("history[1].reason"));
        assertEquals("OPS01", after.getString("history[1].actor"));
        assertEquals(toSdc.getLong("change.id"), after.getLong("history[1].id"));
        assertEquals("HANDOVER_STARTED", after.getString("history[2].kind"));
        assertEquals("OPS01", after.getString("history[2].actor"));
        assertEquals("SDC", after.getString("history[2].to.handingOverTo"));
        assertEquals(epoch, after.getLong("history[2].to.epoch"));
    }

    @Test
    void aFailOverIsRecordedByTheDcThatTakesOverAndFailBackIsAPlannedSwitchOver() {
        long epoch = switchOver(alice, "SDC", "Secondary takes production").statusCode(200)
                .extract().<Number>path("state.epoch").longValue();

        PeerDataCentreStub.running().shutDown();
        failOver(alice, "PDC", "SDC lost: power failure in the secondary hall").statusCode(200)
                .body("state.activeDc", is("PDC"))
                .body("state.mode", is("FAILED_OVER"))
                .body("state.epoch", is((int) epoch + 1))
                .body("state.carryForward", is(true))
                .body("change.kind", is("FAILED_OVER"))
                .body("change.actor", is("OPS01"))
                .body("change.reason", is("SDC lost: power failure in the secondary hall"))
                .body("change.from.activeDc", is("SDC"))
                .body("authService.acknowledged", is(true))
                .body("authService.replicationStatus.epoch", is((int) epoch + 1));
        given().when().get(STATUS).then().body("state.mode", is("FAILED_OVER")).body("thisDcIsActive", is(true))
                .body("peer.reachable", is(false));
        assertEquals(epoch + 1, AuthServiceStub.running().lastPublishedState().path("epoch").asLong());

        // SDC comes back with the old epoch and takes the newer state at the next sync.
        PeerDataCentreStub.running().startAgain();
        awaitPeerHoldsOurState(alice);
        assertEquals("PDC", PeerDataCentreStub.running().state().activeDc());

        // Fail-back: planned, via the peer, then home again in normal production.
        switchOver(alice, "SDC", "Fail-back, step 1").statusCode(200)
                .body("state.mode", is("NORMAL")).body("state.epoch", is((int) epoch + 2));
        PeerDataCentreStub.running().switchOverTo("PDC").statusCode(200).body("epoch", is((int) epoch + 3));
        overview(alice).body("state.mode", is("NORMAL")).body("state.activeDc", is("PDC"));
    }

    @Test
    void aFailOverIsRefusedWhileThePeerIsReachable() {
        switchOver(alice, "SDC", "Secondary takes production").statusCode(200);
        long version = version();

        assertProblem(failOver(alice, "PDC", "SDC looks slow"), 409, "peer-reachable")
                .body("detail", containsString("planned switch-over"));
        assertEquals(version, version());
    }

    @Test
    void aFailOverToThePeerOrToTheActiveDcIsRefused() {
        long version = version();
        assertProblem(failOver(alice, "SDC", "The peer would take over"), 422, "invalid-target");
        // PDC is active and confirmed: nothing to take over, whether or not the peer answers.
        assertProblem(failOver(alice, "PDC", "Already here"), 409, "already-active");
        assertProblem(failOver(alice, "XDC", "Nowhere"), 422, "invalid-target");
        assertEquals(version, version());
    }

    @Test
    void aSwitchOverToAnUnknownOrAlreadyActiveDcIsRefused() {
        long version = version();
        assertProblem(switchOver(alice, "PDC", "Already here"), 409, "already-active");
        assertProblem(switchOver(alice, "XDC", "A third DC"), 422, "invalid-target");
        assertProblem(switchOver(alice, "pdc", "Not an id"), 400, "validation-failed");
        assertProblem(switchOver(alice, null, "No target"), 400, "validation-failed");
        assertEquals(version, version());
    }

    @Test
    void theReasonIsMandatoryAndBounded() {
        long version = version();
        for (String reason : new String[] {null, "", "   ", "x".repeat(501), "two\nlines", "tab\there"}) {
            assertProblem(switchOver(alice, "SDC", reason), 400, "validation-failed");
            assertProblem(failOver(alice, "PDC", reason), 400, "validation-failed");
        }
        assertEquals(version, version());
    }

    @Test
    void aReasonOfExactly500CharactersIsKept() {
        String reason = "Switch-over ".repeat(50).substring(0, 500);
        switchOver(alice, "SDC", reason).statusCode(200).body("change.reason", is(reason));
        assertEquals(reason, overview(alice).extract().path("history[0].reason"));
    }

    @Test
    void malformedOrMissingBodiesAreProblems() {
        long version = version();
        assertProblem(as(alice).when().post(OPERATIONS + "/switch-over").then(), 400, "validation-failed");
        assertProblem(as(alice).body("{\"targetDc\":").when().post(OPERATIONS + "/switch-over").then(), 400, "malformed-request");
        assertProblem(as(alice).body("[]").when().post(OPERATIONS + "/fail-over").then(), 400, "malformed-request");
        assertProblem(given().auth().oauth2(alice).contentType(ContentType.TEXT).body("SDC")
                .when().post(OPERATIONS + "/switch-over").then(), 415, "unsupported-media-type");
        assertProblem(as(alice).when().put(OPERATIONS + "/switch-over").then(), 405, "method-not-allowed");
        assertEquals(version, version());
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private long version() {
        return overview(alice).statusCode(200).extract().<Number>path("version").longValue();
    }
}
