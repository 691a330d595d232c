package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.TokenIssuer;
import hk.ccms.access.infra.testing.RedisTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Redis holds sessions: without it nobody is let in, the answer says why, and readiness says DOWN. */
@QuarkusTest
class DependencyOutageTest {

    @Inject
    TestAccounts accounts;

    @Test
    void redisDownGivesARetryable503AndReadinessDown() {
        TokenIssuer.IssuedToken token = accounts.login(accounts.enrolledUser("CP0001"), PortalFunction.ONLINE_FUNCTIONS);
        given().get("/q/health/ready").then().statusCode(200);

        RedisTestResource.server().stop();
        try {
            assertProblem(given().header("Authorization", "Bearer " + token.token()).get("/api/v1/ccms/session").then(),
                    503, "dependency-unavailable").header("Retry-After", notNullValue());
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
        } finally {
            RedisTestResource.server().start();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        // Redis restarted empty: the session is gone, so the token no longer opens anything.
        assertProblem(given().header("Authorization", "Bearer " + token.token()).get("/api/v1/ccms/session").then(),
                401, "unauthenticated");
    }
}
