package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.DataCentreOperations.awaitSameState;
import static hk.ccms.access.it.DataCentreOperations.operatorCall;
import static hk.ccms.access.it.DataCentreOperations.operatorRead;
import static hk.ccms.access.it.DataCentreOperations.operatorToken;
import static hk.ccms.access.it.DataCentreOperations.replication;
import static hk.ccms.access.it.DataCentreOperations.state;
import static hk.ccms.access.it.Logins.assertProblem;
import static hk.ccms.access.it.Logins.call;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.Logins.passwordStep;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static hk.ccms.access.it.RunningDataCentrePair.sdc;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disaster: the active data centre's services die (kill -9) while account changes are being made;
 * an operator fails over to the other; the old one comes back fenced, with the writes it took
 * after the last replicated point in quarantine; an operator decides them; fail-back.
 */
class DisasterEndToEndTest {

    private static final String DA = "DAISY01";
    private static final String DA_EMAIL = "daisy@cp0001.example";
    private static final String BUSY_USER = "FIONA01";
    private static final String QUIET_USER = "GRACE01";
    private static final String QUIET_MOBILE = "+85290000001";
    private static final String NEW_ACTIVE_MOBILE = "+85293333333";

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
        awaitSameState();
    }

    @Test
    void theActiveDataCentreIsLostMidLoadFailedOverAndFailedBackWithNothingLost() throws Exception {
        String pdcAdministrator = fullLogin(pdc(), DA, PASSWORD, "SECURITY_MANAGEMENT", DA_EMAIL);
        AtomicReference<String> lastAcknowledged = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String mobile = "+8529100%04d".formatted(i % 10_000);
                try {
                    if (setMobile(pdc(), pdcAdministrator, BUSY_USER, mobile) == 200) {
                        lastAcknowledged.set(mobile);
                    }
                } catch (Exception connectionLost) { // the data centre was killed: the load ends
                    return;
                }
            }
        }, "account-changes");
        load.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> lastAcknowledged.get() != null);

        // Replication to SDC stops (its auth-service is down); PDC keeps taking changes, then dies.
        sdc().killService(DataCentre.AUTH);
        assertEquals(200, setMobile(pdc(), pdcAdministrator, QUIET_USER, QUIET_MOBILE));
        Thread.sleep(500);
        pdc().killServices();
        stop.set(true);
        load.join(10_000);
        String lastAtPdc = lastAcknowledged.get();
        sdc().restartService(DataCentre.AUTH);

        // An operator signs in to the standby and fails over to it.
        String sdcOperator = operatorToken(sdc());
        long failOverAsked = System.nanoTime();
        operatorCall(sdc(), sdcOperator, "/fail-over", Map.of("targetDc", "SDC", "reason", "PDC lost")).statusCode(200);
        await("SDC takes logins").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> passwordStep(sdc(), "ALICE01", PASSWORD, "ONLINE_FUNCTIONS").extract().statusCode() == 200);
        long failOverMillis = Duration.ofNanos(System.nanoTime() - failOverAsked).toMillis();
        await("SDC takes over").atMost(Duration.ofSeconds(30))
                .until(() -> state(sdc()).getBoolean("thisDcIsActive") && replication(sdc()).getBoolean("writable"));
        DataCentreOperations.report("""
                Disaster fail-over (DisasterEndToEndTest), %s
                  from the operator's fail-over request at SDC to SDC's first accepted login: %d ms
                """.formatted(java.time.Instant.now(), failOverMillis));
        String sdcAdministrator = fullLogin(sdc(), DA, PASSWORD, "SECURITY_MANAGEMENT", DA_EMAIL);
        assertNotEquals(QUIET_MOBILE, mobile(sdc(), sdcAdministrator, QUIET_USER), "the unreplicated change did not reach SDC");
        assertNotEquals(lastAtPdc, mobile(sdc(), sdcAdministrator, BUSY_USER), "nor did the last ones of the load");
        assertEquals(200, setMobile(sdc(), sdcAdministrator, BUSY_USER, NEW_ACTIVE_MOBILE));

        // PDC comes back: it sees the later epoch, stays fenced and keeps its unreplicated writes aside.
        pdc().restartServices();
        await("PDC is fenced").atMost(Duration.ofSeconds(60)).until(() -> "SDC".equals(state(pdc()).getString("state.activeDc"))
                && !state(pdc()).getBoolean("thisDcIsActive") && !replication(pdc()).getBoolean("writable"));
        assertProblem(passwordStep(pdc(), "ALICE01", PASSWORD, "ONLINE_FUNCTIONS"), 503, "standby");
        awaitSameState();
        assertEquals(NEW_ACTIVE_MOBILE, mobile(sdc(), sdcAdministrator, BUSY_USER), "the quarantine merged nothing");

        String pdcOperator = operatorToken(pdc());
        JsonPath quarantine = operatorRead(pdc(), pdcOperator, "/quarantine").statusCode(200).extract().jsonPath();
        Map<String, Object> quiet = entry(quarantine, QUIET_USER);
        Map<String, Object> busy = entry(quarantine, BUSY_USER);
        assertEquals("OPEN", quiet.get("status"));
        assertTrue(((List<?>) quiet.get("changedFields")).contains("mobile"), "the operator sees what differs: " + quiet);
        assertTrue(((List<?>) busy.get("changedFields")).contains("mobile"), "the load's last changes are kept: " + busy);

        operatorCall(pdc(), pdcOperator, "/quarantine/" + quiet.get("id") + "/reapply", Map.of("reason", "confirmed with CP0001"))
                .statusCode(200);
        operatorCall(pdc(), pdcOperator, "/quarantine/" + busy.get("id") + "/drop", Map.of("reason", "superseded at SDC"))
                .statusCode(200);
        await("the re-applied change reaches both").atMost(Duration.ofSeconds(30))
                .until(() -> QUIET_MOBILE.equals(mobile(sdc(), sdcAdministrator, QUIET_USER)));
        awaitSameState();

        // Fail-back: a planned switch-over once PDC has caught up.
        operatorCall(sdc(), operatorToken(sdc()), "/switch-over", Map.of("targetDc", "PDC", "reason", "fail-back")).statusCode(200);
        awaitActive("PDC");
        String administrator = fullLogin(pdc(), DA, PASSWORD, "SECURITY_MANAGEMENT", DA_EMAIL);
        assertEquals(QUIET_MOBILE, mobile(pdc(), administrator, QUIET_USER));
        assertEquals(NEW_ACTIVE_MOBILE, mobile(pdc(), administrator, BUSY_USER));
        awaitSameState();
    }

    private static int setMobile(DataCentre dc, String token, String userId, String mobile) {
        return call(dc, "PUT", "/api/v1/dms/users/" + userId + "/mobile", token, Map.of("mobile", mobile)).extract().statusCode();
    }

    private static String mobile(DataCentre dc, String token, String userId) {
        return call(dc, "GET", "/api/v1/dms/users/" + userId, token, null).statusCode(200).extract().path("mobile");
    }

    private static Map<String, Object> entry(JsonPath quarantine, String userId) {
        List<Map<String, Object>> entries = quarantine.getList("findAll { it.userId == '" + userId + "' && it.status == 'OPEN' }");
        assertEquals(1, entries.size(), "one open quarantine entry for " + userId + ": " + quarantine.prettify());
        return entries.get(0);
    }
}
