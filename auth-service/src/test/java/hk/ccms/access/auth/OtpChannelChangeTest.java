package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.Notification;
import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.TokenIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A signed-in person switches their one-time passwords between e-mail and SMS (the SMS switch
 * with a proven number end to end is in integration-tests).
 */
@QuarkusTest
class OtpChannelChangeTest {

    @Inject
    TestAccounts accounts;

    private static RequestSpecification as(TokenIssuer.IssuedToken token) {
        return given().header("Authorization", "Bearer " + token.token()).contentType(ContentType.JSON);
    }

    @Test
    void backToEmailNeedsTheCurrentPasswordEndsOtherSessionsAndTellsThePerson() {
        Account account = accounts.enrolledUser("CP0001");
        accounts.useSmsChannel(account.userId);
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        TokenIssuer.IssuedToken elsewhere = accounts.login(account, PortalFunction.OVERNIGHT_REPORT_DOWNLOAD);

        assertProblem(as(token).body(Map.of("currentPassword", "Not-The-Password-9", "channel", "EMAIL"))
                .put("/api/v1/account/otp-channel").then(), 403, "current-password-wrong");
        as(token).body(Map.of("currentPassword", TestAccounts.PASSWORD, "channel", "EMAIL"))
                .put("/api/v1/account/otp-channel").then().statusCode(200).body("channel", equalTo("EMAIL"));

        assertThat(accounts.reload(account.userId).otpChannel).isEqualTo(OtpChannel.EMAIL);
        as(token).get("/api/v1/ccms/session").then().statusCode(200);
        assertProblem(as(elsewhere).get("/api/v1/ccms/session").then(), 401, "unauthenticated");
        assertThat(accounts.notifications(account.userId)).extracting(notification -> notification.kind + " " + notification.changedTo)
                .containsExactly(Notification.Kind.OTP_CHANNEL_CHANGED + " EMAIL");
        assertThat(accounts.audit(account.userId, AuditAction.OTP_CHANNEL_CHANGED)).extracting(event -> event.result)
                .containsExactly(AuditEvent.Result.FAILURE, AuditEvent.Result.SUCCESS);
    }

    @Test
    void smsNeedsAProvenNumberAndEmailNeedsARegisteredAddress() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        assertProblem(as(token).body(Map.of("currentPassword", TestAccounts.PASSWORD, "channel", "SMS", "code", "123456"))
                .put("/api/v1/account/otp-channel").then(), 409, "mobile-not-proven");
        // No otp-service runs beside these tests: the proof code cannot be sent, and nothing changes.
        assertProblem(as(token).body(Map.of("mobile", "+85291234567")).post("/api/v1/account/otp-channel/mobile-proof").then(),
                503, "dependency-unavailable");
        assertThat(accounts.reload(account.userId).otpChannel).isEqualTo(OtpChannel.EMAIL);

        Account smsOnly = accounts.enrolledUser("CP0001");
        accounts.useSmsChannel(smsOnly.userId);
        accounts.setEmail(smsOnly.userId, null);
        assertProblem(as(accounts.login(smsOnly, PortalFunction.ONLINE_FUNCTIONS))
                .body(Map.of("currentPassword", TestAccounts.PASSWORD, "channel", "EMAIL"))
                .put("/api/v1/account/otp-channel").then(), 403, "not-ready-for-two-factor");
        assertThat(accounts.reload(smsOnly.userId).otpChannel).isEqualTo(OtpChannel.SMS);
    }

    @Test
    void badInputIsAClearProblem() {
        TokenIssuer.IssuedToken token = accounts.login(accounts.enrolledUser("CP0001"), PortalFunction.ONLINE_FUNCTIONS);
        for (String mobile : List.of("91234567", "+852 9123 4567", "+0852912345")) {
            assertProblem(as(token).body(Map.of("mobile", mobile)).post("/api/v1/account/otp-channel/mobile-proof").then(),
                    400, "validation-failed");
        }
        assertProblem(as(token).body(Map.of("currentPassword", "x", "channel", "SMS", "code", "12ab56"))
                .put("/api/v1/account/otp-channel").then(), 400, "validation-failed");
        assertProblem(as(token).body(Map.of("currentPassword", "x", "channel", "PIGEON"))
                .put("/api/v1/account/otp-channel").then(), 400, "malformed-request");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("currentPassword", "x", "channel", "EMAIL"))
                .put("/api/v1/account/otp-channel").then(), 401, "unauthenticated");
    }
}
