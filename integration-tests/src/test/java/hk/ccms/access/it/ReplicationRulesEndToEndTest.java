package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.DataCentreOperations.awaitSameState;
import static hk.ccms.access.it.DataCentreOperations.operatorCall;
import static hk.ccms.access.it.DataCentreOperations.operatorToken;
import static hk.ccms.access.it.Logins.call;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static hk.ccms.access.it.RunningDataCentrePair.sdc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The replication rules against a model: a random sequence of account changes, sessions and
 * switch-overs (seed printed; rerun one with {@code -Dccms.replication.seed=...}) is applied to
 * both data centres as real processes and to a model that knows only the rules: changes carry
 * forward except in a session that says otherwise, whose changes vanish when it closes. After
 * every step the active data centre must hold what the model holds, and whenever nothing is held
 * back both data centres must hold the same.
 */
class ReplicationRulesEndToEndTest {

    private static final String DA = "DORIS02";
    private static final String DA_EMAIL = "doris@cp0002.example";
    private static final List<String> USERS = List.of("CAROL02", "EDWIN02");
    private static final int STEPS = 14;

    private enum Step { CHANGE, OPEN_SESSION, CLOSE_SESSION, SWITCH_OVER }

    private final Map<String, String> carriedForward = new HashMap<>();
    private final Map<String, String> heldBackBySession = new HashMap<>();
    private final Map<String, String> administrators = new HashMap<>();
    private final Map<String, String> operators = new HashMap<>();
    private DataCentre active;
    private String openSession;

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
        awaitSameState();
        active = pdc();
    }

    @Test
    void randomChangesSessionsAndSwitchOversEndAsTheRulesSay() {
        long seed = Long.getLong("ccms.replication.seed", System.nanoTime());
        System.out.println("ReplicationRulesEndToEndTest seed " + seed);
        Random random = new Random(seed);
        USERS.forEach(user -> carriedForward.put(user, mobileAtActive(user)));
        for (int i = 0; i < STEPS; i++) {
            Step step = Step.values()[random.nextInt(Step.values().length)];
            String what = apply(step, random);
            assertHeldAsTheModelSays("seed " + seed + ", step " + i + ": " + what);
        }
        if (openSession != null) {
            apply(Step.CLOSE_SESSION, random);
        }
        if (active != pdc()) {
            apply(Step.SWITCH_OVER, random);
        }
        assertHeldAsTheModelSays("seed " + seed + ", back to production at PDC");
    }

    private String apply(Step step, Random random) {
        switch (step) {
            case CHANGE -> {
                String user = USERS.get(random.nextInt(USERS.size()));
                String mobile = "+8529300%04d".formatted(random.nextInt(10_000));
                asAdministrator(token -> call(active, "PUT", "/api/v1/dms/users/" + user + "/mobile", token, Map.of("mobile", mobile)))
                        .statusCode(200);
                (sessionHoldsChangesBack() ? heldBackBySession : carriedForward).put(user, mobile);
                return "change " + user + " to " + mobile + " at " + active.id();
            }
            case OPEN_SESSION -> {
                if (openSession != null) {
                    return "(a session is open already)";
                }
                openSession = active == pdc() ? "SESSION_1" : "SESSION_2";
                asOperator(token -> operatorCall(active, token, "/sessions/" + openSession + "/open", Map.of("reason", "model step")))
                        .statusCode(200);
                return "open " + openSession;
            }
            case CLOSE_SESSION -> {
                if (openSession == null) {
                    return "(no session to close)";
                }
                asOperator(token -> operatorCall(active, token, "/sessions/close", Map.of("reason", "model step"))).statusCode(200);
                String closed = openSession;
                openSession = null;
                heldBackBySession.clear();
                // Closing a session whose changes stay home signs everybody out there.
                administrators.remove(active.id());
                operators.remove(active.id());
                return "close " + closed;
            }
            case SWITCH_OVER -> {
                if (openSession != null) {
                    return "(no switch-over while " + openSession + " is open)";
                }
                DataCentre target = active == pdc() ? sdc() : pdc();
                asOperator(token -> operatorCall(active, token, "/switch-over", Map.of("targetDc", target.id(), "reason", "model step")))
                        .statusCode(200);
                active = target;
                awaitActive(active.id());
                return "switch over to " + target.id();
            }
            default -> throw new IllegalStateException(step.name());
        }
    }

    private boolean sessionHoldsChangesBack() {
        return "SESSION_2".equals(openSession);
    }

    private void assertHeldAsTheModelSays(String after) {
        for (String user : USERS) {
            assertEquals(heldBackBySession.getOrDefault(user, carriedForward.get(user)), mobileAtActive(user), after + " — " + user);
        }
        if (!sessionHoldsChangesBack()) {
            awaitSameState();
        }
    }

    private String mobileAtActive(String user) {
        return asAdministrator(token -> call(active, "GET", "/api/v1/dms/users/" + user, token, null)).statusCode(200)
                .extract().path("mobile");
    }

    private ValidatableResponse asAdministrator(Function<String, ValidatableResponse> request) {
        String token = administrators.computeIfAbsent(active.id(), id -> fullLogin(active, DA, PASSWORD, "SECURITY_MANAGEMENT", DA_EMAIL));
        return request.apply(token);
    }

    private ValidatableResponse asOperator(Function<String, ValidatableResponse> request) {
        return request.apply(operators.computeIfAbsent(active.id(), id -> operatorToken(active)));
    }
}
