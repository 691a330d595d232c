package hk.ccms.access.it;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static hk.ccms.access.it.Logins.assertProblem;
import static hk.ccms.access.it.Logins.codeStep;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.Logins.passwordStep;
import static hk.ccms.access.it.Logins.resend;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.awaitCode;
import static hk.ccms.access.it.RunningDataCentre.emailOf;
import static hk.ccms.access.it.RunningDataCentre.loadUser;
import static hk.ccms.access.it.RunningDataCentre.mailCount;
import static hk.ccms.access.it.RunningDataCentre.primary;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** Login with User ID + password + e-mailed one-time password, across real service processes. */
class OtpLoginEndToEndTest {

    @Test
    void aDemoUserLogsInWithTheMailedCodeAndTheTokenVerifiesIndependently() throws Exception {
        int before = mailCount("alice@cp0001.example");
        var codeSent = passwordStep("ALICE01", PASSWORD, "ONLINE_FUNCTIONS").statusCode(200)
                .header("Cache-Control", "no-store")
                .body("channel", equalTo("EMAIL"))
                .body("maskedDestination", equalTo("a***e@cp0001.example"))
                .body("expiresAt", notNullValue())
                .extract();
        String code = awaitCode("alice@cp0001.example", before);
        String token = codeStep(codeSent.path("transactionId"), code).statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", greaterThan(0))
                .extract().path("accessToken");

        JWKSet jwks = JWKSet.load(new java.net.URL(primary().authUrl() + "/.well-known/jwks.json"));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID())))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("ALICE01");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("participant")).isEqualTo("CP0001");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("ccms");

        given().baseUri(primary().authUrl()).header("Authorization", "Bearer " + token)
                .get("/api/v1/ccms/session").then().statusCode(200)
                .body("userId", equalTo("ALICE01"))
                .body("function", equalTo("ONLINE_FUNCTIONS"));
        given().baseUri(primary().authUrl()).header("Authorization", "Bearer " + token)
                .post("/api/v1/session/logout").then().statusCode(204);
        assertProblem(given().baseUri(primary().authUrl()).header("Authorization", "Bearer " + token)
                .get("/api/v1/ccms/session").then(), 401, "unauthenticated");
    }

    @Test
    void aDelegatedAdministratorLogsInToDmsOnly() {
        int before = mailCount("daisy@cp0001.example");
        String transactionId = passwordStep("DAISY01", PASSWORD, "SECURITY_MANAGEMENT").statusCode(200).extract().path("transactionId");
        String token = codeStep(transactionId, awaitCode("daisy@cp0001.example", before)).statusCode(200).extract().path("accessToken");
        given().baseUri(primary().authUrl()).header("Authorization", "Bearer " + token)
                .get("/api/v1/dms/session").then().statusCode(200).body("participantId", equalTo("CP0001"));
        assertProblem(given().baseUri(primary().authUrl()).header("Authorization", "Bearer " + token)
                .get("/api/v1/ccms/session").then(), 401, "unauthenticated");
    }

    @Test
    void aCodeWorksOnceOnly() {
        String user = loadUser(1);
        int before = mailCount(emailOf(user));
        String transactionId = passwordStep(user, PASSWORD, "OVERNIGHT_REPORT_DOWNLOAD").statusCode(200).extract().path("transactionId");
        String code = awaitCode(emailOf(user), before);
        codeStep(transactionId, code).statusCode(200);
        assertProblem(codeStep(transactionId, code), 401, "login-transaction-invalid");
    }

    @Test
    void aCodeIsBoundToTheLoginThatAskedForIt() {
        String user = loadUser(2);
        int before = mailCount(emailOf(user));
        String first = passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS").statusCode(200).extract().path("transactionId");
        String firstCode = awaitCode(emailOf(user), before);
        String second = passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS").statusCode(200).extract().path("transactionId");
        String secondCode = awaitCode(emailOf(user), before + 1);
        assertThat(firstCode).isNotEqualTo(secondCode);

        assertProblem(codeStep(second, firstCode), 401, "code-rejected").body("remainingAttempts", equalTo(4));
        codeStep(second, secondCode).statusCode(200);
        codeStep(first, firstCode).statusCode(200);
    }

    @Test
    void fiveWrongCodesEndTheLoginAndCountTowardsLockout() {
        String user = loadUser(3);
        int before = mailCount(emailOf(user));
        String transactionId = passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS").statusCode(200).extract().path("transactionId");
        String code = awaitCode(emailOf(user), before);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int remaining = 4; remaining >= 1; remaining--) {
            assertProblem(codeStep(transactionId, wrong), 401, "code-rejected").body("remainingAttempts", equalTo(remaining));
        }
        // The fifth wrong attempt spends the code and is the fifth consecutive failure: the account locks.
        assertProblem(codeStep(transactionId, wrong), 401, "login-transaction-invalid");
        assertProblem(codeStep(transactionId, code), 401, "login-transaction-invalid");
        assertProblem(passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS"), 401, "login-failed");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS").statusCode(200));
    }

    @Test
    void resendIsThrottledAndReplacesTheCode() {
        String user = loadUser(4);
        int before = mailCount(emailOf(user));
        String transactionId = passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS").statusCode(200).extract().path("transactionId");
        awaitCode(emailOf(user), before);
        assertProblem(resend(transactionId), 429, "resend-refused").header("Retry-After", matchesPattern("[0-9]+"));
    }

    @Test
    void lockedAccountsUnlockAfterTheConfiguredTime() {
        String user = loadUser(5);
        for (int i = 0; i < 5; i++) {
            assertProblem(passwordStep(user, "Wrong-Password-" + i, "ONLINE_FUNCTIONS"), 401, "login-failed");
        }
        assertProblem(passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS"), 401, "login-failed");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS").statusCode(200));
    }

    @Test
    void otpServiceRefusesAPersonsTokenAndAnonymousCallers() {
        String token = fullLogin(loadUser(6), "ONLINE_FUNCTIONS");
        Map<String, String> challenge = Map.of("transactionId", "x".repeat(32), "subject", "LOAD00006", "purpose", "LOGIN",
                "channel", "EMAIL", "destination", "attacker@evil.example");
        assertProblem(given().baseUri(primary().otpUrl()).contentType(ContentType.JSON).body(challenge)
                .post("/internal/v1/challenges").then(), 401, "unauthenticated");
        assertProblem(given().baseUri(primary().otpUrl()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).body(challenge).post("/internal/v1/challenges").then(), 401, "unauthenticated");
        assertThat(mailCount("attacker@evil.example")).isZero();
    }

    @Test
    void everyServiceExposesHealthOpenApiAndMetrics() {
        for (String url : new String[]{primary().authUrl(), primary().otpUrl(), primary().datacentreStateUrl()}) {
            given().baseUri(url).get("/q/health/ready").then().statusCode(200);
            given().baseUri(url).get("/q/openapi").then().statusCode(200);
            given().baseUri(url).get("/q/metrics").then().statusCode(200);
        }
        given().baseUri(primary().datacentreStateUrl()).get("/api/v1/datacentre").then().statusCode(200)
                .body("dataCentre.id", equalTo("PDC"));
    }
}
