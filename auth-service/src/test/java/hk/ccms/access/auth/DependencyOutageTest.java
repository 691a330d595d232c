package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.TokenIssuer;
import hk.ccms.access.infra.testing.RedisTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Without Redis (sessions) or PostgreSQL (accounts) nobody is let in, the answer says why and when
 * to retry, and readiness says DOWN until the dependency is back.
 */
@QuarkusTest
class DependencyOutageTest {

    @Inject
    TestAccounts accounts;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

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

    /**
     * PostgreSQL stays up but refuses the service's database and its pooled sessions are killed:
     * to auth-service that is the account database being gone.
     */
    @Test
    void databaseDownGivesARetryable503AndReadinessDown() throws SQLException {
        Account account = accounts.enrolledUser("CP0001");
        // A database cannot bar connections to itself, so its owner does it from the maintenance database.
        String maintenanceUrl = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = DriverManager.getConnection(maintenanceUrl, "auth", "auth");
             Statement statement = admin.createStatement()) {
            statement.execute("alter database auth allow_connections false");
            try {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'auth'");
                // Repeated so that, once the killed pooled sessions are gone, refused new connections are covered too.
                for (int attempt = 0; attempt < 3; attempt++) {
                    assertProblem(LoginSteps.passwordStep(account.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"),
                            503, "dependency-unavailable")
                            .header("Retry-After", notNullValue());
                }
                given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            } finally {
                statement.execute("alter database auth allow_connections true");
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertProblem(LoginSteps.passwordStep(account.userId, "Not-The-Password-123", "ONLINE_FUNCTIONS"), 401, "login-failed"));
    }

}
