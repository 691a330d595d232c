package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.SharedState;
import hk.ccms.access.datacentre.testing.AdjustableClock;
import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.PeerDataCentreStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.as;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.closeSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.failOver;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.openSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.reasonBody;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchOver;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test day's sessions as operators open and close them, at PDC (peer SDC). */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class SessionTest {

    private static final Map<String, Object> SESSION_1_WINDOW =
            Map.of("date", "2023-06-10", "start", "18:00", "end", "20:00", "timeZone", "Asia/Hong_Kong");
    private static final Map<String, Object> SESSION_2_WINDOW =
            Map.of("date", "2023-06-10", "start", "22:00", "end", "23:00", "timeZone", "Asia/Hong_Kong");

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    private final String operator = OperatorTokens.of(OperatorTokens.OPERATOR);

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(operator);
    }

    @AfterEach
    void realTime() {
        clock.resume();
    }

    @Test
    void sessionOneOpensAtThePrimaryOnItsTermsAndClosesBackToProduction() throws SQLException {
        long epoch = epoch();

        openSession(operator, "SESSION_1", "Test day, Session 1 (rehearsal)").statusCode(200)
                .body("state.epoch", is((int) epoch))
                .body("state.activeDc", is("PDC"))
                .body("state.mode", is("NORMAL"))
                .body("state.session.name", is("SESSION_1"))
                .body("state.session.dataCentre", is("PDC"))
                .body("state.session.window", is(SESSION_1_WINDOW))
                .body("state.session.openedAt", matchesPattern(SwitchOverAndFailOverTest.ISO_UTC))
                .body("state.session.outsideWindow", is(true))
                .body("state.businessFunctionsAvailable", is(false))
                .body("state.carryForward", is(true))
                .body("change.kind", is("SESSION_OPENED"))
                .body("change.actor", is("OPS01"))
                .body("change.reason", is("Test day, Session 1 (rehearsal)"))
                .body("change.outsideWindow", is(true))
                .body("change.from.session", nullValue())
                .body("change.to.session", is("SESSION_1"))
                .body("change.to.businessFunctionsAvailable", is(false));

        given().when().get(STATUS).then().statusCode(200)
                .body("state.session.name", is("SESSION_1"))
                .body("state.session.window", is(SESSION_1_WINDOW))
                .body("state.session.outsideWindow", is(true))
                .body("state.session.openedAt", matchesPattern(SwitchOverAndFailOverTest.ISO_UTC))
                .body("state.businessFunctionsAvailable", is(false))
                .body("state.carryForward", is(true));

        closeSession(operator, "Session 1 over").statusCode(200)
                .body("state.epoch", is((int) epoch))
                .body("state.session", nullValue())
                .body("state.businessFunctionsAvailable", is(true))
                .body("state.carryForward", is(true))
                .body("change.kind", is("SESSION_CLOSED"))
                .body("change.reason", is("Session 1 over"))
                .body("change.from.session", is("SESSION_1"))
                .body("change.outsideWindow", nullValue());

        given().when().get(STATUS).then().statusCode(200)
                .body("state.session", nullValue())
                .body("state.businessFunctionsAvailable", is(true));

        // The rows themselves, not only their view.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select kind, actor, reason, from_session_name, session_name, outside_window,
                            from_business_functions_available, business_functions_available, from_epoch, epoch
                     from state_change order by id desc limit 2""")) {
            assertTrue(rows.next());
            assertEquals("SESSION_CLOSED", rows.getString("kind"));
            assertEquals("OPS01", rows.getString("actor"));
            assertEquals("Session 1 over", rows.getString("reason"));
            assertEquals("SESSION_1", rows.getString("from_session_name"));
            assertNull(rows.getString("session_name"));
            assertFalse(rows.getBoolean("from_business_functions_available"));
            assertTrue(rows.getBoolean("business_functions_available"));
            assertTrue(rows.next());
            assertEquals("SESSION_OPENED", rows.getString("kind"));
            assertEquals("Test day, Session 1 (rehearsal)", rows.getString("reason"));
            assertEquals("SESSION_1", rows.getString("session_name"));
            assertTrue(rows.getBoolean("outside_window"));
            assertEquals(epoch, rows.getLong("from_epoch"));
            assertEquals(epoch, rows.getLong("epoch"));
        }
    }

    @Test
    void sessionTwoRunsAtTheSecondaryAndThePrimaryHoldsItWithoutActingOnIt() {
        assertProblem(openSession(operator, "SESSION_2", "Too early"), 409, "session-dc-not-active");

        long epoch = switchOver(operator, "SDC", "To the secondary for Session 2").statusCode(200)
                .extract().<Number>path("state.epoch").longValue();
        long version = version();
        // Sessions are opened where they run: at the active SDC, not here.
        assertProblem(openSession(operator, "SESSION_2", "Asked at the wrong DC"), 409, "not-active-dc")
                .body("activeDc", is("SDC"));
        assertEquals(version, version());

        // SDC opens it; PDC adopts the state and tells its own auth-service.
        PeerDataCentreStub peer = PeerDataCentreStub.running();
        Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        peer.hold(new SharedState(epoch, peer.state().revision() + 1, "SDC", DataCentreMode.NORMAL, "SESSION_2", false, false,
                null, openedAt, openedAt, true)).statusCode(200).body("sessionName", is("SESSION_2"));
        given().when().get(STATUS).then()
                .body("state.carryForward", is(false))
                .body("state.session.name", is("SESSION_2"))
                .body("state.session.window", is(SESSION_2_WINDOW))
                .body("state.session.openedAt", is(openedAt.toString()))
                .body("state.session.outsideWindow", is(true))
                .body("thisDcIsActive", is(false));
        assertEquals("SESSION_2", AuthServiceStub.running().lastPublishedState().path("sessionName").asText());

        version = version();
        assertProblem(switchOver(operator, "PDC", "Back while Session 2 runs"), 409, "not-active-dc");
        assertProblem(openSession(operator, "SESSION_1", "A second session"), 409, "session-open");
        assertProblem(closeSession(operator, "Closed at the wrong DC"), 409, "not-active-dc");
        assertEquals(version, version());

        peer.hold(new SharedState(epoch, peer.state().revision() + 1, "SDC", DataCentreMode.NORMAL, null, true, true,
                null, Instant.now(), null, null)).statusCode(200);
        overview(operator).body("state.session", nullValue())
                .body("state.carryForward", is(true))
                .body("history[0].kind", is("ADOPTED_FROM_PEER"))
                .body("history[0].from.carryForward", is(false))
                .body("history[0].to.carryForward", is(true));
    }

    @Test
    void openingAndClosingASessionTellsAuthServiceAndIncludesItsAnswer() {
        openSession(operator, "SESSION_1", "Session 1").statusCode(200)
                .body("authService.acknowledged", is(true))
                .body("authService.replicationStatus.sessionName", is("SESSION_1"))
                .body("discardPending", nullValue());
        assertEquals("SESSION_1", AuthServiceStub.running().lastPublishedState().path("sessionName").asText());
        assertFalse(AuthServiceStub.running().lastPublishedState().path("businessFunctionsAvailable").asBoolean());

        // auth-service unreachable: the close stands; Session 1 carries forward, so nothing waits to be discarded.
        AuthServiceStub.running().answerInternalCallsWith(503);
        closeSession(operator, "Session 1 over").statusCode(200)
                .body("state.session", nullValue())
                .body("authService.acknowledged", is(false))
                .body("authService.replicationStatus", nullValue())
                .body("discardPending", is(false));
        AuthServiceStub.running().answerInternalCallsWith(0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertTrue(AuthServiceStub.running().lastPublishedState().path("sessionName").isNull()));
    }

    @Test
    void aFailOverEndsTheSessionOfTheLostPeer() {
        long epoch = switchOver(operator, "SDC", "To the secondary for Session 2").statusCode(200)
                .extract().<Number>path("state.epoch").longValue();
        PeerDataCentreStub peer = PeerDataCentreStub.running();
        Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        peer.hold(new SharedState(epoch, peer.state().revision() + 1, "SDC", DataCentreMode.NORMAL, "SESSION_2", false, false,
                null, openedAt, openedAt, false)).statusCode(200);
        peer.shutDown();

        failOver(operator, "PDC", "SDC lost during Session 2").statusCode(200)
                .body("state.activeDc", is("PDC"))
                .body("state.mode", is("FAILED_OVER"))
                .body("state.session", nullValue())
                .body("state.carryForward", is(true))
                .body("state.businessFunctionsAvailable", is(true))
                .body("change.from.session", is("SESSION_2"))
                .body("change.from.carryForward", is(false));
    }

    @Test
    void aSessionOpenedInsideItsWindowIsNotFlaggedAndTheWindowEndIsExclusive() {
        Instant halfPastSixInHongKong = Instant.parse("2023-06-10T10:30:00Z");
        clock.standAt(halfPastSixInHongKong);
        openSession(operator, "SESSION_1", "Session 1 on the day").statusCode(200)
                .body("state.session.outsideWindow", is(false))
                .body("state.session.openedAt", is("2023-06-10T10:30:00Z"))
                .body("change.outsideWindow", is(false))
                .body("change.recordedAt", is("2023-06-10T10:30:00Z"));
        closeSession(operator, "Session 1 over").statusCode(200);

        clock.standAt(Instant.parse("2023-06-10T12:00:00Z")); // 20:00 in Hong Kong: the window has ended
        openSession(operator, "SESSION_1", "Session 1, late").statusCode(200)
                .body("state.session.outsideWindow", is(true));
        closeSession(operator, "Session 1 over").statusCode(200);
    }

    @Test
    void unknownOrMalformedSessionsAreRefused() {
        long version = version();
        assertProblem(openSession(operator, "SESSION_9", "No such session"), 404, "unknown-session");
        assertProblem(openSession(operator, "session_1", "Lower case"), 400, "validation-failed");
        assertProblem(openSession(operator, "S".repeat(33), "Too long"), 400, "validation-failed");
        assertProblem(closeSession(operator, "Nothing to close"), 409, "no-session-open");
        assertEquals(version, version());
    }

    @Test
    void sessionActionsNeedAReason() {
        long version = version();
        for (String reason : new String[] {null, "", " ", "r".repeat(501)}) {
            assertProblem(openSession(operator, "SESSION_1", reason), 400, "validation-failed");
        }
        assertProblem(as(operator).when().post("/api/v1/operations/datacentre/sessions/SESSION_1/open").then(),
                400, "validation-failed");
        assertEquals(version, version());

        openSession(operator, "SESSION_1", "Session 1").statusCode(200);
        long open = version();
        for (String reason : new String[] {null, "", "r".repeat(501)}) {
            assertProblem(as(operator).body(reasonBody(reason)).when().post("/api/v1/operations/datacentre/sessions/close").then(),
                    400, "validation-failed");
        }
        assertEquals(open, version());
        assertEquals("SESSION_1", overview(operator).extract().path("state.session.name"));
    }

    private long epoch() {
        return overview(operator).statusCode(200).extract().<Number>path("state.epoch").longValue();
    }

    private long version() {
        return overview(operator).statusCode(200).extract().<Number>path("version").longValue();
    }
}
