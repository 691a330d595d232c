package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.service.SessionScheduler;
import hk.ccms.access.datacentre.testing.AdjustableClock;
import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.datacentre.testing.PeerDataCentreStub;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.closeSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.openSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions opened and closed on schedule at PDC (peer SDC), checked every second. Besides the
 * test day's {@code SESSION_1}, each test defines a session of its own on a day of its own
 * (09:00–10:00 Hong Kong time, 01:00–02:00 UTC), because a window the scheduler has served is
 * never served again.
 */
@QuarkusTest
@TestProfile(ScheduledSessionsTest.ScheduledSessions.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class ScheduledSessionsTest {

    /** The scheduler on, checking every second (the scheduler's finest interval). */
    static final Map<String, String> ON_SCHEDULE = Map.of(
            "ccms.datacentre.sessions.scheduled", "true",
            "ccms.datacentre.sessions.check-interval", "1S");

    public static class ScheduledSessions extends OperatorApiProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.putAll(ON_SCHEDULE);
            return overrides;
        }
    }

    /** Long enough for a few checks: what the scheduler has not done by then it does not do. */
    private static final Duration A_FEW_CHECKS = Duration.ofMillis(3500);
    private static final Duration AWAIT = Duration.ofSeconds(10);

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
    void sessionOneOpensAtTheStartOfItsWindowAndClosesAtItsEndAndOnlyOnce() throws InterruptedException {
        clock.standAt(Instant.parse("2023-06-10T10:00:00Z")); // 18:00 in Hong Kong
        await().atMost(AWAIT).untilAsserted(() -> overview(operator).body("state.session.name", is("SESSION_1")));
        overview(operator)
                .body("state.session.outsideWindow", is(false))
                .body("state.businessFunctionsAvailable", is(false))
                .body("history[0].kind", is("SESSION_OPENED"))
                .body("history[0].actor", is("scheduler"))
                .body("history[0].approvedBy", nullValue())
                .body("history[0].reason", is("window 2023-06-10 18:00–20:00 HKT opened"))
                .body("history[0].outsideWindow", is(false))
                .body("history[0].recordedAt", is("2023-06-10T10:00:00Z"));
        // Published and pushed as an operator's opening is; the scheduler publishes after it commits.
        await().atMost(AWAIT).untilAsserted(() ->
                assertEquals("SESSION_1", AuthServiceStub.running().lastPublishedState().path("sessionName").asText()));
        await().atMost(AWAIT).untilAsserted(() -> assertEquals("SESSION_1", PeerDataCentreStub.running().state().sessionName()));

        clock.standAt(Instant.parse("2023-06-10T11:59:59Z"));
        Thread.sleep(A_FEW_CHECKS.toMillis());
        overview(operator).body("state.session.name", is("SESSION_1"));

        clock.standAt(Instant.parse("2023-06-10T12:00:00Z")); // 20:00: the window has ended
        await().atMost(AWAIT).untilAsserted(() -> overview(operator).body("state.session", nullValue()));
        overview(operator)
                .body("state.businessFunctionsAvailable", is(true))
                .body("history[0].kind", is("SESSION_CLOSED"))
                .body("history[0].actor", is("scheduler"))
                .body("history[0].reason", is("window 2023-06-10 18:00–20:00 HKT ended"))
                .body("history[0].from.session", is("SESSION_1"));
        await().atMost(AWAIT).untilAsserted(() ->
                assertTrue(AuthServiceStub.running().lastPublishedState().path("sessionName").isNull()));

        // Back inside the window it served: not opened again.
        long version = version();
        clock.standAt(Instant.parse("2023-06-10T11:00:00Z"));
        Thread.sleep(A_FEW_CHECKS.toMillis());
        overview(operator).body("state.session", nullValue()).body("version", is((int) version));
    }

    @Test
    void notAtAStandbyNorForThePeersSessionsButOnceActiveWithinTheWindow() throws Exception {
        LocalDate day = define("SCHED_STANDBY", "PDC", "2030-01-02");
        define("SCHED_AT_SDC", "SDC", "2030-01-02");
        PeerDataCentreStub.running().switchOverTo("SDC").statusCode(200);
        long version = version();

        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = captureWarnings(warnings);
        try {
            clock.standAt(windowStart(day));
            Thread.sleep(A_FEW_CHECKS.toMillis());
            given().when().get(STATUS).then().body("state.session", nullValue()).body("thisDcIsActive", is(false));
            assertEquals(version, version());
            // Logged once for the window, not at every check; SDC's own session is none of PDC's business.
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).contains("SCHED_STANDBY") && warnings.get(0).contains("not-active-dc"), warnings::toString);
        } finally {
            Logger.getLogger(SessionScheduler.class.getName()).removeHandler(capture);
        }

        PeerDataCentreStub.running().switchOverTo("PDC").statusCode(200);
        await().atMost(AWAIT).untilAsserted(() -> overview(operator).body("state.session.name", is("SCHED_STANDBY")));
        overview(operator).body("history[0].actor", is("scheduler"));
    }

    @Test
    void aSessionAnOperatorOpenedIsNotClosedByTheClock() throws Exception {
        LocalDate day = define("SCHED_REHEARSAL", "PDC", "2030-01-03");
        clock.standAt(windowStart(day).minus(Duration.ofMinutes(30)));
        openSession(operator, "SCHED_REHEARSAL", "Rehearsal before the window").statusCode(200)
                .body("state.session.outsideWindow", is(true));
        long version = version();

        clock.standAt(windowStart(day).plus(Duration.ofMinutes(30)));
        Thread.sleep(A_FEW_CHECKS.toMillis());
        clock.standAt(windowStart(day).plus(Duration.ofHours(1))); // the window has ended
        Thread.sleep(A_FEW_CHECKS.toMillis());

        overview(operator).body("state.session.name", is("SCHED_REHEARSAL"))
                .body("version", is((int) version))
                .body("history[0].kind", is("SESSION_OPENED"))
                .body("history[0].actor", is("OPS01"));
    }

    @Test
    void aSessionAnOperatorClosedEarlyIsNotOpenedAgainInThatWindow() throws Exception {
        LocalDate day = define("SCHED_EARLY", "PDC", "2030-01-04");
        clock.standAt(windowStart(day).plus(Duration.ofMinutes(5)));
        await().atMost(AWAIT).untilAsserted(() -> overview(operator).body("state.session.name", is("SCHED_EARLY")));

        clock.standAt(windowStart(day).plus(Duration.ofMinutes(20)));
        closeSession(operator, "Done early").statusCode(200);
        long version = version();
        Thread.sleep(A_FEW_CHECKS.toMillis());

        overview(operator).body("state.session", nullValue())
                .body("version", is((int) version))
                .body("history[0].kind", is("SESSION_CLOSED"))
                .body("history[0].actor", is("OPS01"));
    }

    @Test
    void anOperatorTokenCannotActAsTheScheduler() {
        long version = version();
        assertProblem(openSession(OperatorTokens.of("scheduler"), "SESSION_1", "Posing as the scheduler"), 403, "forbidden")
                .body("detail", containsString("reserved"));
        assertEquals(version, version());
    }

    /** A session of this test at {@code dataCentre}, 09:00–10:00 Hong Kong time on {@code day}. */
    private LocalDate define(String name, String dataCentre, String day) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into session_definition (name, data_centre, session_date, window_start, window_end,
                                                business_functions_available, carry_forward)
                values (?, ?, ?::date, time '09:00', time '10:00', false, true)""")) {
            insert.setString(1, name);
            insert.setString(2, dataCentre);
            insert.setString(3, day);
            insert.executeUpdate();
        }
        return LocalDate.parse(day);
    }

    private static Instant windowStart(LocalDate day) {
        return Instant.parse(day + "T01:00:00Z");
    }

    private static Handler captureWarnings(List<String> into) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    into.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(SessionScheduler.class.getName()).addHandler(handler);
        return handler;
    }

    private long version() {
        return overview(operator).statusCode(200).extract().<Number>path("version").longValue();
    }
}
