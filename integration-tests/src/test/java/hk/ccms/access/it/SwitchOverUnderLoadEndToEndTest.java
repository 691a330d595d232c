package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.DataCentreOperations.awaitSameState;
import static hk.ccms.access.it.DataCentreOperations.operatorCall;
import static hk.ccms.access.it.DataCentreOperations.operatorToken;
import static hk.ccms.access.it.DataCentreOperations.replication;
import static hk.ccms.access.it.DataCentreOperations.report;
import static hk.ccms.access.it.Logins.call;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.Logins.passwordStep;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.loadUser;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static hk.ccms.access.it.RunningDataCentrePair.sdc;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planned switch-overs (PDC to SDC and back) while people keep logging in and a Delegated
 * Administrator keeps changing an account: no acknowledged change is lost, no two data centres
 * ever take writes at the same time, and logins are refused only briefly. The unavailability
 * and the replication lag are measured and written to {@code target/replication-report.txt}.
 */
class SwitchOverUnderLoadEndToEndTest {

    private static final String DA = "DAVID01";
    private static final String DA_EMAIL = "david@cp0001.example";
    private static final String CHANGED_USER = "BRIAN01";
    private static final int FIRST_LOGIN_USER = 45;
    private static final int LOGIN_USERS = 16;
    private static final Duration ACCEPTABLE_UNAVAILABILITY = Duration.ofSeconds(10);

    /** One request of the load: when it was answered, by which data centre, and whether it succeeded. */
    private record Outcome(long atNanos, String dataCentre, boolean succeeded, String value) {
    }

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
        awaitSameState();
    }

    @Test
    void switchingOverAndBackUnderLoadLosesNothingAndRefusesLoginsOnlyBriefly() throws Exception {
        AtomicReference<DataCentre> active = new AtomicReference<>(pdc());
        AtomicBoolean stop = new AtomicBoolean();
        List<Outcome> logins = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> changes = Collections.synchronizedList(new ArrayList<>());
        Thread loginLoad = new Thread(() -> logins(active, stop, logins), "login-load");
        Thread changeLoad = new Thread(() -> changes(active, stop, changes), "change-load");
        long started = System.nanoTime();
        loginLoad.start();
        changeLoad.start();
        try {
            Thread.sleep(3_000);
            long toSdc = switchOver(pdc(), "SDC");
            awaitActive("SDC");
            Thread.sleep(3_000);
            long toPdc = switchOver(sdc(), "PDC");
            awaitActive("PDC");
            Thread.sleep(3_000);
            stop.set(true);
            loginLoad.join(30_000);
            changeLoad.join(30_000);

            Duration firstGap = longestGap(logins, "PDC", "SDC");
            Duration secondGap = longestGap(logins, "SDC", "PDC");
            Duration window = Duration.ofNanos(System.nanoTime() - started).plusSeconds(1);
            var pdcLag = replication(pdc(), window).getMap("lag");
            var sdcLag = replication(sdc(), window).getMap("lag");
            report("""
                    Planned switch-over under load (SwitchOverUnderLoadEndToEndTest), %s
                      logins answered: %d (%d succeeded); account changes acknowledged: %d
                      PDC -> SDC: logins refused for at most %d ms (client view); writes fenced for %d ms (datacentre-state)
                      SDC -> PDC: logins refused for at most %d ms (client view); writes fenced for %d ms (datacentre-state)
                      replication lag (commit to peer's acknowledgement) during the run: PDC to SDC p50 %s ms, p99 %s ms
                      over %s changes; SDC to PDC p50 %s ms, p99 %s ms over %s changes
                    """.formatted(java.time.Instant.now(), logins.size(), logins.stream().filter(Outcome::succeeded).count(),
                    changes.stream().filter(Outcome::succeeded).count(), firstGap.toMillis(), toSdc, secondGap.toMillis(), toPdc,
                    pdcLag.get("p50Millis"), pdcLag.get("p99Millis"), pdcLag.get("changes"), sdcLag.get("p50Millis"),
                    sdcLag.get("p99Millis"), sdcLag.get("changes")));

            assertTrue(firstGap.compareTo(ACCEPTABLE_UNAVAILABILITY) < 0, "PDC -> SDC unavailability " + firstGap);
            assertTrue(secondGap.compareTo(ACCEPTABLE_UNAVAILABILITY) < 0, "SDC -> PDC unavailability " + secondGap);
            assertNeverTwoWriters(changes);
            String lastAcknowledged = changes.stream().filter(Outcome::succeeded).reduce((first, second) -> second)
                    .orElseThrow().value();
            String administrator = fullLogin(pdc(), DA, PASSWORD, "SECURITY_MANAGEMENT", DA_EMAIL);
            assertEquals(lastAcknowledged, call(pdc(), "GET", "/api/v1/dms/users/" + CHANGED_USER, administrator, null)
                    .statusCode(200).extract().path("mobile"), "the last acknowledged change is held");
            awaitSameState();
        } finally {
            stop.set(true);
        }
    }

    /** Password steps of the load users at the data centre believed active; a standby's answer names the active one. */
    private static void logins(AtomicReference<DataCentre> active, AtomicBoolean stop, List<Outcome> outcomes) {
        for (int i = 0; !stop.get(); i++) {
            DataCentre dc = active.get();
            ExtractableResponse<Response> answer = passwordStep(dc, loadUser(FIRST_LOGIN_USER + i % LOGIN_USERS), PASSWORD,
                    "ONLINE_FUNCTIONS").extract();
            outcomes.add(new Outcome(System.nanoTime(), dc.id(), answer.statusCode() == 200, null));
            follow(active, answer);
        }
    }

    /** A DA changes one account's mobile again and again, signing in again wherever the active data centre is. */
    private static void changes(AtomicReference<DataCentre> active, AtomicBoolean stop, List<Outcome> outcomes) {
        DataCentre signedInAt = null;
        String token = null;
        for (int i = 0; !stop.get(); i++) {
            DataCentre dc = active.get();
            try {
                if (dc != signedInAt) {
                    token = fullLogin(dc, DA, PASSWORD, "SECURITY_MANAGEMENT", DA_EMAIL);
                    signedInAt = dc;
                }
            } catch (AssertionError notYet) {
                continue;
            }
            String mobile = "+8529200%04d".formatted(i % 10_000);
            ExtractableResponse<Response> answer = call(dc, "PUT", "/api/v1/dms/users/" + CHANGED_USER + "/mobile", token,
                    Map.of("mobile", mobile)).extract();
            outcomes.add(new Outcome(System.nanoTime(), dc.id(), answer.statusCode() == 200, mobile));
            follow(active, answer);
        }
    }

    private static void follow(AtomicReference<DataCentre> active, ExtractableResponse<Response> answer) {
        if (answer.statusCode() == 503 && "urn:ccms:problem:standby".equals(answer.path("type"))) {
            String named = answer.path("activeDataCentre");
            if (named != null) {
                active.set("SDC".equals(named) ? sdc() : pdc());
            }
        }
    }

    private static long switchOver(DataCentre from, String target) {
        return operatorCall(from, operatorToken(from), "/switch-over", Map.of("targetDc", target, "reason", "switch-over drill under load"))
                .statusCode(200).extract().jsonPath().getLong("unavailableMillis");
    }

    /** The longest time without a successful login, from the last one at {@code from} to the first one at {@code to} after it. */
    private static Duration longestGap(List<Outcome> outcomes, String from, String to) {
        List<Outcome> succeeded;
        synchronized (outcomes) {
            succeeded = outcomes.stream().filter(Outcome::succeeded).toList();
        }
        for (int i = 1; i < succeeded.size(); i++) {
            if (succeeded.get(i - 1).dataCentre().equals(from) && succeeded.get(i).dataCentre().equals(to)) {
                return Duration.ofNanos(succeeded.get(i).atNanos() - succeeded.get(i - 1).atNanos());
            }
        }
        throw new AssertionError("No login succeeded at " + to + " after " + from);
    }

    /** Every acknowledged change at one data centre comes before every one at the next: never two writers at once. */
    private static void assertNeverTwoWriters(List<Outcome> outcomes) {
        List<Outcome> acknowledged;
        synchronized (outcomes) {
            acknowledged = outcomes.stream().filter(Outcome::succeeded).toList();
        }
        int switches = 0;
        for (int i = 1; i < acknowledged.size(); i++) {
            if (!acknowledged.get(i).dataCentre().equals(acknowledged.get(i - 1).dataCentre())) {
                switches++;
            }
        }
        assertEquals(2, switches, "changes were acknowledged by PDC, then SDC, then PDC, never interleaved");
    }
}
