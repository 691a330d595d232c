package hk.ccms.access.datacentre.service;

import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.StateChange;
import hk.ccms.access.datacentre.domain.StateChangeKind;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataCentreStateInitialisationTest {

    @Inject
    DataCentreStateService service;

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void startUpCreatedOneNormalCarryForwardStateActiveAtThePrimary() throws SQLException {
        assertEquals(1, count("select count(*) from datacentre_state"));

        DataCentreState state = service.current();
        assertEquals(1, state.snapshot().epoch());
        assertEquals("PDC", state.snapshot().activeDc());
        assertEquals(DataCentreMode.NORMAL, state.snapshot().mode());
        assertTrue(state.snapshot().sessionName().isEmpty());
        assertTrue(state.snapshot().carryForward());
        assertTrue(state.snapshot().businessFunctionsAvailable());
        assertTrue(state.sessionOpenedAt().isEmpty());

        List<StateChange> history = StateChange.listAll();
        assertEquals(1, history.size());
        StateChange initialised = history.get(0);
        assertEquals(StateChangeKind.INITIALISED, initialised.kind());
        assertEquals("PDC", initialised.recordedByDc());
        assertEquals(1, initialised.snapshot().epoch());
        assertEquals("PDC", initialised.snapshot().activeDc());
        assertEquals(DataCentreMode.NORMAL, initialised.snapshot().mode());
        assertTrue(initialised.snapshot().carryForward());
        assertNull(initialised.actor());
        assertTrue(initialised.from().isEmpty(), "the first entry left no state");
        assertTrue(initialised.outsideWindow().isEmpty());
        assertEquals(state.updatedAt(), initialised.recordedAt());
    }

    @Test
    @Order(2)
    void initialisingAgainLeavesTheStateAndItsHistoryAlone() throws SQLException {
        DataCentreState before = service.current();
        long historyBefore = count("select count(*) from state_change");

        assertFalse(service.initialiseIfAbsent());
        assertFalse(service.initialiseIfAbsent());

        DataCentreState after = service.current();
        assertEquals(1, count("select count(*) from datacentre_state"));
        assertEquals(before.snapshot().epoch(), after.snapshot().epoch());
        assertEquals(before.version(), after.version());
        assertEquals(before.updatedAt(), after.updatedAt());
        assertEquals(historyBefore, count("select count(*) from state_change"));
    }

    @Test
    @Order(3)
    void databaseRefusesASecondStateRow() {
        SQLException refused = assertThrows(SQLException.class, () -> execute("""
                insert into datacentre_state (id, epoch, active_dc, mode, carry_forward, updated_at)
                values (2, 2, 'SDC', 'NORMAL', true, now())"""));
        assertEquals("23514", refused.getSQLState(), "check_violation expected, got " + refused.getMessage());
    }

    @Test
    @Order(4)
    void historyCannotBeRewritten() throws SQLException {
        long historyBefore = count("select count(*) from state_change");

        for (String rewrite : List.of("update state_change set reason = 'edited'", "delete from state_change",
                "truncate state_change")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(rewrite), rewrite);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        assertEquals(historyBefore, count("select count(*) from state_change"));
    }

    /** DESIGN §4 in the schema: whatever a bug might write, these states cannot be stored. */
    @Test
    @Order(5)
    void databaseRefusesInconsistentStates() throws SQLException {
        long version = service.current().version();
        Map<String, String> refusals = Map.of(
                "update datacentre_state set carry_forward = false", "23514",
                "update datacentre_state set business_functions_available = false", "23514",
                "update datacentre_state set mode = 'TEST_SESSION'", "23514",
                "update datacentre_state set session_name = 'SESSION_1'", "23514",
                "update datacentre_state set session_name = 'NO_SUCH_SESSION', session_opened_at = now(),"
                        + " session_outside_window = false", "23503",
                "update datacentre_state set epoch = 0", "23514",
                "insert into session_definition values ('BACKWARDS', 'PDC', null, '20:00', '18:00', false, true)", "23514");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(refusal.getKey()), refusal.getKey());
            assertEquals(refusal.getValue(), refused.getSQLState(), refusal.getKey() + ": " + refused.getMessage());
        }
        assertEquals(version, service.current().version());
    }

    /** Several instances starting together on an empty database must end up with one state, created once. */
    @Test
    @Order(6)
    void concurrentFirstStartsCreateExactlyOneState() throws Exception {
        execute("delete from datacentre_state");
        long initialisedBefore = count("select count(*) from state_change where kind = 'INITIALISED'");

        int instances = 4;
        CyclicBarrier together = new CyclicBarrier(instances);
        Callable<Boolean> start = () -> {
            together.await(10, TimeUnit.SECONDS);
            return service.initialiseIfAbsent();
        };
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Boolean>> results = pool.invokeAll(IntStream.range(0, instances).mapToObj(i -> start).toList());
            long created = 0;
            for (Future<Boolean> result : results) {
                created += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from datacentre_state"));
        assertEquals(1, service.current().snapshot().epoch());
        assertEquals(initialisedBefore + 1, count("select count(*) from state_change where kind = 'INITIALISED'"));
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
