package hk.ccms.access.datacentre.operations;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.service.DataCentreStateService;
import hk.ccms.access.datacentre.service.Operator;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.PeerDataCentreStub;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static hk.ccms.access.datacentre.testing.OperatorApi.OPERATIONS;
import static hk.ccms.access.datacentre.testing.OperatorApi.as;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.closeSession;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.reasonBody;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchBody;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchOver;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two operators acting on the same state: never both succeed, and the loser is told why. */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class ConcurrentOperatorsTest {

    private static final Set<String> LOST_RACE = Set.of("urn:ccms:problem:state-changed", "urn:ccms:problem:already-active",
            "urn:ccms:problem:session-open", "urn:ccms:problem:session-dc-not-active", "urn:ccms:problem:handover-in-progress");

    @Inject
    DataCentreStateService service;

    @Inject
    UserTransaction transaction;

    @Inject
    DataSource dataSource;

    private final String alice = OperatorTokens.of("OPS01");
    private final String bob = OperatorTokens.of("OPS02");

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(alice);
    }

    @Test
    void anActionDecidedOnAnOlderVersionIsRefused() throws SQLException {
        long seen = version();
        switchOver(bob, "SDC", "Bob switches first").statusCode(200);
        long historyAfterBob = historySize();

        Map<String, Object> body = reasonBody("Alice opens Session 2 on what she saw");
        body.put("expectedVersion", seen);
        assertProblem(as(alice).body(body).post(OPERATIONS + "/sessions/SESSION_2/open").then(), 409, "state-changed");
        Map<String, Object> switchBack = switchBody("PDC", "Alice switches back on what she saw");
        switchBack.put("expectedVersion", seen);
        assertProblem(as(alice).body(switchBack).post(OPERATIONS + "/switch-over").then(), 409, "state-changed");
        assertEquals(historyAfterBob, historySize());

        PeerDataCentreStub.running().switchOverTo("PDC").statusCode(200);
        Map<String, Object> fresh = reasonBody("Alice opens Session 1 on what she sees now");
        fresh.put("expectedVersion", version());
        as(alice).body(fresh).post(OPERATIONS + "/sessions/SESSION_1/open").then().statusCode(200)
                .body("state.session.name", is("SESSION_1"));
        closeSession(alice, "Session 1 over").statusCode(200);
    }

    /** The version check of the update itself, for a change committed between this read and this write. */
    @Test
    void aChangeCommittedAfterTheStateWasReadFailsTheWrite() throws Exception {
        transaction.begin();
        try {
            DataCentreState read = DataCentreState.current().orElseThrow();
            assertEquals("PDC", read.snapshot().activeDc());

            switchOver(bob, "SDC", "Bob switches meanwhile").statusCode(200);

            ProblemException refused = assertThrows(ProblemException.class,
                    () -> service.openSession(new Operator("OPS01"), "SESSION_1", "Alice, on the state she read", null));
            assertEquals("urn:ccms:problem:state-changed", refused.problem().getType());
        } finally {
            transaction.rollback();
        }
        overview(alice).body("state.activeDc", is("SDC"))
                .body("state.session", nullValue())
                .body("history[0].actor", is("OPS02"));
    }

    @Test
    void operatorsSwitchingAtTheSameMomentCannotBothSucceed() throws Exception {
        long epoch = epoch();
        long before = historySize();
        List<String> tokens = List.of(alice, bob, OperatorTokens.of("OPS03"), OperatorTokens.of("OPS04"));

        List<ExtractableResponse<Response>> answers = together(tokens.stream()
                .map(token -> (Callable<ExtractableResponse<Response>>) () -> switchOver(token, "SDC", "Everyone switches").extract())
                .toList());

        assertExactlyOneWon(answers);
        assertEquals(epoch + 1, epoch());
        assertEquals(before + 2, historySize(), "one hand-over started and completed");
    }

    @Test
    void aSessionOpeningAndASwitchOverAtTheSameMomentCannotBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            normalProductionAtPdc(alice);
            long epoch = epoch();
            List<ExtractableResponse<Response>> answers = together(List.of(
                    () -> as(alice).body(reasonBody("Alice opens Session 1")).post(OPERATIONS + "/sessions/SESSION_1/open").then().extract(),
                    () -> switchOver(bob, "SDC", "Bob switches to the secondary").extract()));

            assertExactlyOneWon(answers);
            boolean sessionWon = answers.get(0).statusCode() == 200;
            overview(alice).body("state.activeDc", is(sessionWon ? "PDC" : "SDC"))
                    .body("state.session.name", is(sessionWon ? "SESSION_1" : null))
                    .body("state.epoch", is((int) (sessionWon ? epoch : epoch + 1)));
        }
    }

    private static void assertExactlyOneWon(List<ExtractableResponse<Response>> answers) {
        long won = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        assertEquals(1, won, () -> "exactly one must succeed: " + answers.stream().map(a -> a.statusCode() + " " + a.asString()).toList());
        for (ExtractableResponse<Response> answer : answers) {
            if (answer.statusCode() != 200) {
                assertEquals(409, answer.statusCode(), answer.asString());
                assertTrue(LOST_RACE.contains(answer.<String>path("type")), answer.asString());
            }
        }
    }

    private static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long epoch() {
        return overview(alice).statusCode(200).extract().<Number>path("state.epoch").longValue();
    }

    private long version() {
        return overview(alice).statusCode(200).extract().<Number>path("version").longValue();
    }

    private long historySize() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from state_change")) {
            result.next();
            return result.getLong(1);
        }
    }
}
