package hk.ccms.access.it;

import hk.ccms.access.infra.MailMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static hk.ccms.access.it.Logins.assertProblem;
import static hk.ccms.access.it.Logins.call;
import static hk.ccms.access.it.Logins.codeStep;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.Logins.passwordStep;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.awaitCode;
import static hk.ccms.access.it.RunningDataCentre.awaitMail;
import static hk.ccms.access.it.RunningDataCentre.awaitSmsCode;
import static hk.ccms.access.it.RunningDataCentre.mailCount;
import static hk.ccms.access.it.RunningDataCentre.primary;
import static hk.ccms.access.it.RunningDataCentre.smsCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/**
 * First-time 2FA set-up end to end against the running data centre: activation code from the real
 * SMTP server, mobile proof code from the real SMPP peer, then an OTP login over the chosen channel;
 * a DA registering an e-mail address or resetting 2FA under maker-checker with two real DA logins.
 */
class TwoFactorSetUpEndToEndTest {

    private static final String NEW_PASSWORD = "Kowloon-Ferry-Lantern-88";

    private static String daLogin(String userId, String email) {
        return fullLogin(userId, PASSWORD, "SECURITY_MANAGEMENT", email);
    }

    /** Starts the set-up and proves the activation code read from the mailbox; returns the set-up id. */
    private static String startAndActivate(String userId, String email) {
        int before = mailCount(email);
        String id = call("POST", "/api/v1/initiation", null, Map.of("userId", userId)).statusCode(201)
                .body("channel", equalTo("EMAIL")).body("maskedDestination", not(equalTo(email)))
                .extract().path("transactionId");
        String activationCode = awaitCode(email, before);
        call("POST", "/api/v1/initiation/" + id + "/activation", null, Map.of("code", activationCode)).statusCode(200)
                .body("activationProven", equalTo(true)).body("$", not(hasKey("accessToken")));
        // The activation code is spent: it cannot be used again, and it never opened a session.
        assertProblem(call("POST", "/api/v1/initiation/" + id + "/activation", null, Map.of("code", activationCode)),
                409, "initiation-step-out-of-order");
        return id;
    }

    @Test
    void aPersonSetsUpEmailOtpAndThenLogsInWithTheNewPasswordAndAMailedCode() {
        String email = "fiona@cp0001.example";
        String id = startAndActivate("FIONA01", email);
        assertProblem(call("POST", "/api/v1/initiation/" + id + "/completion", null,
                Map.of("newPassword", "password1234", "channel", "EMAIL")), 422, "password-policy");
        int before = mailCount(email);
        call("POST", "/api/v1/initiation/" + id + "/completion", null, Map.of("newPassword", NEW_PASSWORD, "channel", "EMAIL"))
                .statusCode(200).body("userId", equalTo("FIONA01")).body("channel", equalTo("EMAIL"));
        assertThat(awaitMail(email, before)).containsIgnoringCase("CCMS");
        assertProblem(call("POST", "/api/v1/initiation/" + id + "/completion", null,
                Map.of("newPassword", NEW_PASSWORD, "channel", "EMAIL")), 401, "initiation-invalid");

        String token = fullLogin("FIONA01", NEW_PASSWORD, "ONLINE_FUNCTIONS", email);
        call("GET", "/api/v1/ccms/session", token, null).statusCode(200).body("userId", equalTo("FIONA01"));
    }

    @Test
    void afterAnApprovedResetAPersonSetsUpSmsOtpWithAProvenMobileAndLogsInByCodeFromTheSmsc() {
        String maker = daLogin("DAISY01", "daisy@cp0001.example");
        String checker = daLogin("DAVID01", "david@cp0001.example");
        long requestId = call("POST", "/api/v1/dms/users/BRIAN01/two-factor-reset", maker, null).statusCode(202)
                .extract().jsonPath().getLong("request.id");
        assertProblem(call("POST", "/api/v1/dms/requests/" + requestId + "/approval", maker, null), 403, "maker-cannot-approve");
        call("POST", "/api/v1/dms/requests/" + requestId + "/approval", checker, null).statusCode(200).body("status", equalTo("APPROVED"));
        assertProblem(passwordStep("BRIAN01", PASSWORD, "ONLINE_FUNCTIONS"), 401, "login-failed");

        String mobile = "+85291230001";
        String id = startAndActivate("BRIAN01", "brian@cp0001.example");
        assertProblem(call("POST", "/api/v1/initiation/" + id + "/completion", null,
                Map.of("newPassword", NEW_PASSWORD, "channel", "SMS")), 409, "mobile-not-proven");
        int sms = smsCount(mobile);
        call("POST", "/api/v1/initiation/" + id + "/mobile", null, Map.of("mobile", mobile)).statusCode(200)
                .body("transactionId", equalTo(id)).body("channel", equalTo("SMS"));
        String proof = awaitSmsCode(mobile, sms);
        assertProblem(call("POST", "/api/v1/initiation/" + id + "/mobile/verification", null,
                Map.of("code", proof.equals("000000") ? "111111" : "000000")), 401, "code-rejected");
        call("POST", "/api/v1/initiation/" + id + "/mobile/verification", null, Map.of("code", proof)).statusCode(200)
                .body("provenMobile", equalTo(mobile));
        call("POST", "/api/v1/initiation/" + id + "/completion", null, Map.of("newPassword", NEW_PASSWORD, "channel", "SMS"))
                .statusCode(200).body("channel", equalTo("SMS"));

        int before = smsCount(mobile);
        String transactionId = passwordStep("BRIAN01", NEW_PASSWORD, "ONLINE_FUNCTIONS").statusCode(200)
                .body("channel", equalTo("SMS")).extract().path("transactionId");
        String token = codeStep(transactionId, awaitSmsCode(mobile, before)).statusCode(200).extract().path("accessToken");
        call("GET", "/api/v1/ccms/session", token, null).statusCode(200).body("userId", equalTo("BRIAN01"));
        call("GET", "/api/v1/dms/users/BRIAN01", checker, null).statusCode(200)
                .body("readiness", equalTo("ENROLLED")).body("otpChannel", equalTo("SMS")).body("mobile", equalTo(mobile));
    }

    @Test
    void aSignedInPersonSwitchesToSmsWithAProvenNumberAndIsToldByMail() {
        String email = "carol@cp0002.example";
        String token = fullLogin("CAROL02", PASSWORD, "ONLINE_FUNCTIONS", email);
        String mobile = "+85291230004";
        int sms = smsCount(mobile);
        call("POST", "/api/v1/account/otp-channel/mobile-proof", token, Map.of("mobile", mobile)).statusCode(200)
                .body("channel", equalTo("SMS"));
        String proof = awaitSmsCode(mobile, sms);
        int mails = mailCount(email);
        call("PUT", "/api/v1/account/otp-channel", token, Map.of("currentPassword", PASSWORD, "channel", "SMS", "code", proof))
                .statusCode(200).body("channel", equalTo("SMS"));
        // Two notifications: the channel changed, and the mobile changed (shown masked).
        awaitMail(email, mails + 1);
        assertThat(primary().smtp().messages(email).subList(mails, mails + 2)).extracting(MailMessage::text)
                .anySatisfy(text -> assertThat(text).contains("+852****0004"))
                .allSatisfy(text -> assertThat(text).doesNotContain(mobile));

        int before = smsCount(mobile);
        String transactionId = passwordStep("CAROL02", PASSWORD, "ONLINE_FUNCTIONS").statusCode(200)
                .body("channel", equalTo("SMS")).extract().path("transactionId");
        codeStep(transactionId, awaitSmsCode(mobile, before)).statusCode(200);
    }

    @Test
    void withoutAnEmailSetUpIsRefusedUntilTwoDasRegisterOne() {
        assertProblem(call("POST", "/api/v1/initiation", null, Map.of("userId", "GRACE01")), 403, "not-ready-for-two-factor");
        String maker = daLogin("DAISY01", "daisy@cp0001.example");
        String checker = daLogin("DAVID01", "david@cp0001.example");
        String email = "grace.tam@cp0001.example";
        long requestId = call("PUT", "/api/v1/dms/users/GRACE01/email", maker, Map.of("email", email)).statusCode(202)
                .extract().jsonPath().getLong("request.id");
        assertProblem(call("POST", "/api/v1/initiation", null, Map.of("userId", "GRACE01")), 403, "not-ready-for-two-factor");
        call("POST", "/api/v1/dms/requests/" + requestId + "/approval", checker, null).statusCode(200);

        String id = startAndActivate("GRACE01", email);
        assertThat(id).isNotBlank();
    }

    @Test
    void anSmscThatRefusesGivesARetryableErrorAndLeavesNoUsableCode() {
        String operator = fullLogin("OPS01", PASSWORD, "OPERATIONS_CONSOLE", "ops01@clearing.example");
        call("PUT", "/api/v1/operations/participants/CP0002/maker-checker", operator, Map.of("enabled", false)).statusCode(200);
        String da = daLogin("DORIS02", "doris@cp0002.example");
        call("PUT", "/api/v1/dms/users/EDWIN02/email", da, Map.of("email", "edwin@cp0002.example")).statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        String id = startAndActivate("EDWIN02", "edwin@cp0002.example");
        String mobile = "+85291230002";

        primary().smsc().throttle(true);
        try {
            assertProblem(call("POST", "/api/v1/initiation/" + id + "/mobile", null, Map.of("mobile", mobile)),
                    503, "otp-delivery-unavailable").header("Retry-After", notNullValue());
        } finally {
            primary().smsc().throttle(false);
        }
        assertThat(smsCount(mobile)).isZero();
        // The refused code was never stored as usable: there is no proof waiting for a code.
        assertProblem(call("POST", "/api/v1/initiation/" + id + "/mobile/verification", null, Map.of("code", "123456")),
                409, "initiation-step-out-of-order");

        call("POST", "/api/v1/initiation/" + id + "/mobile", null, Map.of("mobile", mobile)).statusCode(200);
        call("POST", "/api/v1/initiation/" + id + "/mobile/verification", null, Map.of("code", awaitSmsCode(mobile, 0)))
                .statusCode(200).body("provenMobile", equalTo(mobile));
    }

    @Test
    void aChangeMadeWhileSmtpIsDownIsKeptAndItsNotificationArrivesOnceSmtpIsBack() {
        String da = daLogin("DAISY01", "daisy@cp0001.example");
        String email = "alice@cp0001.example";
        String mobile = "+85291230003";
        int before = mailCount(email);
        primary().smtp().stop();
        try {
            call("PUT", "/api/v1/dms/users/ALICE01/mobile", da, Map.of("mobile", mobile)).statusCode(200)
                    .body("mobile", equalTo(mobile));
            sleep(3_000);
            call("GET", "/api/v1/dms/users/ALICE01", da, null).statusCode(200).body("mobile", equalTo(mobile));
        } finally {
            primary().smtp().start();
        }
        String notification = awaitMail(email, before);
        assertThat(notification).doesNotContain(mobile);
        sleep(3_000);
        assertThat(mailCount(email)).isEqualTo(before + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
