package hk.ccms.access.auth;

import hk.ccms.access.auth.service.DemoAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The launcher prints how to log in, and the end-to-end tests begin, once auth-service is ready:
 * so ready must mean the demo accounts exist. Enough of them are made here that creating them
 * takes seconds, so a readiness that did not wait would be seen answering 200 too early.
 */
@QuarkusTest
@TestProfile(DemoAccountsReadinessTest.ManyDemoAccounts.class)
class DemoAccountsReadinessTest {

    private static final int LOAD_USERS = 1500;

    public static class ManyDemoAccounts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccms.auth.demo-accounts.enabled", "true",
                    "ccms.auth.demo-accounts.load-users", Integer.toString(LOAD_USERS));
        }
    }

    @Test
    void readyOnlyOnceTheLastDemoAccountExists() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        // Known, right password: it gets as far as sending the code (no otp-service runs beside these
        // tests). An account not yet made would be refused as a failed login instead.
        assertProblem(LoginSteps.passwordStep("LOAD%05d".formatted(LOAD_USERS), DemoAccounts.DEFAULT_PASSWORD, "ONLINE_FUNCTIONS"),
                503, "dependency-unavailable");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'demo-accounts' }.data.state", equalTo("created"));
    }
}
