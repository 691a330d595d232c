package hk.ccms.access.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static hk.ccms.access.it.Logins.assertProblem;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.Logins.passwordStep;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.loadUser;
import static hk.ccms.access.it.RunningDataCentre.primary;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

/** A dependency that goes away gives a clear, retryable answer, and the system recovers when it is back. */
class OutageEndToEndTest {

    @Test
    void smtpDownGivesARetryableAnswerAndLoginWorksWhenItIsBack() {
        String user = loadUser(20);
        primary().smtp().stop();
        try {
            assertProblem(passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS"), 503, "otp-delivery-unavailable")
                    .header("Retry-After", notNullValue());
        } finally {
            primary().smtp().start();
        }
        fullLogin(user, "ONLINE_FUNCTIONS");
    }

    @Test
    void redisDownGivesARetryableAnswerAndReadinessDown() {
        String user = loadUser(21);
        primary().redis().stop();
        try {
            assertProblem(passwordStep(user, PASSWORD, "ONLINE_FUNCTIONS"), 503, "dependency-unavailable")
                    .header("Retry-After", notNullValue());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                given().baseUri(primary().authUrl()).get("/q/health/ready").then().statusCode(503);
                given().baseUri(primary().otpUrl()).get("/q/health/ready").then().statusCode(503);
            });
        } finally {
            primary().redis().start();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().baseUri(primary().authUrl()).get("/q/health/ready").then().statusCode(200));
        fullLogin(user, "ONLINE_FUNCTIONS");
    }
}
