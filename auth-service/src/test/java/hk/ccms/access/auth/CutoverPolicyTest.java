package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.PortalFunction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Operators move the cut-over at run time; logins follow it at once. */
@QuarkusTest
class CutoverPolicyTest {

    @Inject
    TestAccounts accounts;

    private String operatorToken() {
        return accounts.login(accounts.operator(), PortalFunction.OPERATIONS_CONSOLE).token();
    }

    private ValidatableResponse setPolicy(String token, String path, Instant smartcardUntil, Instant otpFrom) {
        Map<String, Object> body = new HashMap<>();
        body.put("smartcardUntil", smartcardUntil == null ? null : smartcardUntil.toString());
        body.put("otpFrom", otpFrom == null ? null : otpFrom.toString());
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/operations/cutover-policy/" + path).then();
    }

    @AfterEach
    void openBothWaysAgain() {
        String token = operatorToken();
        setPolicy(token, "CCMS/USER", null, null).statusCode(200);
        setPolicy(token, "DMS/DA", null, null).statusCode(200);
    }

    @Test
    void beforeOtpOpensThePasswordStepSaysWhenInHongKongTime() {
        Account user = accounts.enrolledUser("CP0001");
        Instant opens = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        setPolicy(operatorToken(), "CCMS/USER", null, opens).statusCode(200)
                .body("otpAllowedNow", equalTo(false)).body("smartcardAllowedNow", equalTo(true));

        assertProblem(LoginSteps.passwordStep(user.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"), 403, "otp-not-yet-available")
                .body("detail", containsString("HKT")).body("detail", containsString("Login with Smartcard"));
    }

    @Test
    void afterGoLiveSmartcardLoginIsRefusedWithTheWayToOtp() {
        setPolicy(operatorToken(), "CCMS/USER", Instant.now().minusSeconds(1), Instant.now().minusSeconds(3600)).statusCode(200)
                .body("smartcardAllowedNow", equalTo(false)).body("otpAllowedNow", equalTo(true));
        Map<String, Object> login = Map.of("challengeId", "A".repeat(32), "userId", "ALICE01", "password", "whatever-password",
                "function", "ONLINE_FUNCTIONS", "certificateChain", List.of("AAAA"), "signatureAlgorithm", "RS256", "signature", "AAAA");
        assertProblem(given().contentType(ContentType.JSON).body(login).post("/api/v1/login/smartcard").then(), 403, "smartcard-retired")
                .body("detail", containsString("Login with OTP"));
        // DMS keeps its own dates.
        given().header("Authorization", "Bearer " + operatorToken()).get("/api/v1/operations/cutover-policy").then().statusCode(200)
                .body("find { it.portal == 'DMS' }.smartcardAllowedNow", equalTo(true));
    }

    @Test
    void onlyOperatorsChangeThePolicyAndOnlyToDatesThatLeaveAWayIn() {
        String token = operatorToken();
        Instant goLive = Instant.parse("2030-06-12T00:00:00Z");
        setPolicy(token, "DMS/DA", goLive, goLive.minusSeconds(86400)).statusCode(200)
                .body("smartcardUntilHongKong", equalTo("2030-06-12 08:00 HKT"));
        assertProblem(setPolicy(token, "DMS/DA", goLive, goLive.plusSeconds(1)), 422, "cutover-gap");
        assertProblem(setPolicy(token, "OPERATIONS/OPERATOR", goLive, null), 422, "cutover-not-governed");
        assertProblem(setPolicy(token, "NOWHERE/DA", goLive, null), 404, "not-found");
        String daToken = accounts.login(accounts.delegatedAdministrator("CP0001"), PortalFunction.SECURITY_MANAGEMENT).token();
        assertProblem(setPolicy(daToken, "DMS/DA", null, null), 401, "unauthenticated");
        assertProblem(given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"otpFrom\":\"yesterday\"}")
                .put("/api/v1/operations/cutover-policy/DMS/DA").then(), 400, "malformed-request");
        given().header("Authorization", "Bearer " + token).get("/api/v1/operations/cutover-policy").then().statusCode(200)
                .body("portal", hasItem("DMS"));
        assertThat(accounts.auditByAction(AuditAction.CUTOVER_POLICY_CHANGED))
                .anySatisfy(event -> assertThat(event.detail).contains("DMS/DA smartcardUntil=2030-06-12T00:00:00Z"))
                .allSatisfy(event -> assertThat(event.result).isEqualTo(AuditEvent.Result.SUCCESS));
    }
}
