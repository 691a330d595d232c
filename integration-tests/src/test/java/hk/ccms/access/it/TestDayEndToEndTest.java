package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.DataCentreOperations.awaitSameState;
import static hk.ccms.access.it.DataCentreOperations.operatorCall;
import static hk.ccms.access.it.DataCentreOperations.operatorToken;
import static hk.ccms.access.it.DataCentreOperations.replication;
import static hk.ccms.access.it.DataCentreOperations.smartcardLogin;
import static hk.ccms.access.it.Logins.assertProblem;
import static hk.ccms.access.it.Logins.call;
import static hk.ccms.access.it.Logins.codeStep;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.Logins.passwordStep;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.awaitCode;
import static hk.ccms.access.it.RunningDataCentre.mailCount;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static hk.ccms.access.it.RunningDataCentrePair.sdc;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The connectivity-test day of the circular, with both data centres as real processes: Session 1
 * at the primary (its changes carry forward), a switch to the secondary for Session 2 (its
 * changes are discarded when it closes), and back to the primary for production.
 */
class TestDayEndToEndTest {

    private static final String USER = "HENRY01";
    private static final String EMAIL = "henry@cp0001.example";
    private static final String SESSION_1_PASSWORD = "Session-One-Lantern-2023";
    private static final String SESSION_2_PASSWORD = "Session-Two-Junk-Harbour-2023";

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
        awaitSameState();
    }

    @Test
    void theTestDayOfTheCircular() {
        // Session 1 at PDC: business functions unavailable, changes carry forward.
        String pdcOperator = operatorToken(pdc());
        operatorCall(pdc(), pdcOperator, "/sessions/SESSION_1/open", Map.of("reason", "test day, Session 1")).statusCode(200);

        DataCentreOperations.SmartcardLogin card = smartcardLogin(pdc(), USER, PASSWORD, "ONLINE_FUNCTIONS");
        assertEquals(200, card.status(), "smartcard login with the previous day's password: " + card.body());
        assertProblem(call(pdc(), "GET", "/api/v1/ccms/home", card.accessToken(), null), 503, "function-not-available");

        setUpTwoFactor(pdc(), SESSION_1_PASSWORD);
        String otp = fullLogin(pdc(), USER, SESSION_1_PASSWORD, "ONLINE_FUNCTIONS", EMAIL);
        call(pdc(), "GET", "/api/v1/ccms/session", otp, null).statusCode(200);
        assertProblem(call(pdc(), "GET", "/api/v1/ccms/home", otp, null), 503, "function-not-available");

        // A login completed at PDC, and one left half-way: neither may be replayed at SDC.
        String[] used = loginTransaction(pdc());
        codeStep(pdc(), used[0], used[1]).statusCode(200);
        String[] pending = loginTransaction(pdc());

        operatorCall(pdc(), pdcOperator, "/sessions/close", Map.of("reason", "Session 1 over")).statusCode(200);

        // Switch to SDC: PDC drains replication and is fenced; SDC takes the next epoch.
        operatorCall(pdc(), pdcOperator, "/switch-over", Map.of("targetDc", "SDC", "reason", "test day: to SDC")).statusCode(200);
        awaitActive("SDC");
        String carriedForward = awaitSameState();

        assertProblem(codeStep(sdc(), used[0], used[1]), 401, "login-transaction-invalid");
        assertProblem(codeStep(sdc(), pending[0], pending[1]), 401, "login-transaction-invalid");

        // Session 2 at SDC: business functions unavailable, changes stay at SDC.
        String sdcOperator = operatorToken(sdc());
        operatorCall(sdc(), sdcOperator, "/sessions/SESSION_2/open", Map.of("reason", "test day, Session 2")).statusCode(200);

        card = smartcardLogin(sdc(), USER, SESSION_1_PASSWORD, "ONLINE_FUNCTIONS");
        assertEquals(200, card.status(), "smartcard login at SDC with the Session 1 password: " + card.body());
        assertProblem(call(sdc(), "GET", "/api/v1/ccms/home", card.accessToken(), null), 503, "function-not-available");
        assertEquals(401, smartcardLogin(sdc(), USER, PASSWORD, "ONLINE_FUNCTIONS").status(), "the previous day's password is gone");

        String atSdc = fullLogin(sdc(), USER, SESSION_1_PASSWORD, "ONLINE_FUNCTIONS", EMAIL);
        call(sdc(), "POST", "/api/v1/account/password", atSdc,
                Map.of("currentPassword", SESSION_1_PASSWORD, "newPassword", SESSION_2_PASSWORD)).statusCode(204);
        fullLogin(sdc(), USER, SESSION_2_PASSWORD, "ONLINE_FUNCTIONS", EMAIL);
        assertNotEquals(carriedForward, replication(sdc()).getString("digest"), "Session 2's change is held at SDC");
        assertEquals(carriedForward, replication(pdc()).getString("digest"), "...and never reaches PDC");
        assertEquals(0, replication(sdc()).getLong("pendingChanges"), "nothing of Session 2 waits to be shipped");

        operatorCall(sdc(), sdcOperator, "/sessions/close", Map.of("reason", "Session 2 over")).statusCode(200);
        await("SDC discards Session 2's changes").until(() -> carriedForward.equals(replication(sdc()).getString("digest")));

        // Back to production at PDC (closing Session 2 signed everybody out at SDC, the operator too).
        sdcOperator = operatorToken(sdc());
        operatorCall(sdc(), sdcOperator, "/switch-over", Map.of("targetDc", "PDC", "reason", "test day over")).statusCode(200);
        awaitActive("PDC");
        assertEquals(carriedForward, awaitSameState(), "both data centres hold the carried-forward state");
        // The Session 1 password works, the Session 2 one does not (and that failed attempt counts at both).
        fullLogin(pdc(), USER, SESSION_1_PASSWORD, "ONLINE_FUNCTIONS", EMAIL);
        assertProblem(passwordStep(pdc(), USER, SESSION_2_PASSWORD, "ONLINE_FUNCTIONS"), 401, "login-failed");
        assertNotEquals(carriedForward, awaitSameState(), "the failed attempt is part of the replicated lock state");
    }

    /** First-time 2FA set-up at {@code dc}: activation code by e-mail, new password, codes by e-mail. */
    private static void setUpTwoFactor(DataCentre dc, String newPassword) {
        int before = mailCount(dc, EMAIL);
        String id = call(dc, "POST", "/api/v1/initiation", null, Map.of("userId", USER)).statusCode(201)
                .extract().path("transactionId");
        call(dc, "POST", "/api/v1/initiation/" + id + "/activation", null, Map.of("code", awaitCode(dc, EMAIL, before)))
                .statusCode(200);
        call(dc, "POST", "/api/v1/initiation/" + id + "/completion", null, Map.of("newPassword", newPassword, "channel", "EMAIL"))
                .statusCode(200).body("channel", equalTo("EMAIL"));
    }

    /** A password step at {@code dc} and the code it mailed: {transactionId, code}. */
    private static String[] loginTransaction(DataCentre dc) {
        int before = mailCount(dc, EMAIL);
        String transactionId = passwordStep(dc, USER, SESSION_1_PASSWORD, "ONLINE_FUNCTIONS").statusCode(200)
                .extract().path("transactionId");
        return new String[]{transactionId, awaitCode(dc, EMAIL, before)};
    }
}
