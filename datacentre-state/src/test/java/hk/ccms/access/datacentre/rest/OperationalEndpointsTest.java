package hk.ccms.access.datacentre.rest;

import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class OperationalEndpointsTest {

    private static final String DATABASE_CHECK = "Database connections health check";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(DATABASE_CHECK))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", is("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    /**
     * PostgreSQL stays up but refuses this database, and the pooled sessions are killed: to the
     * service that is the database being gone, and it must stop being ready and say so.
     */
    @Test
    void readinessIsDownAndStatusIsUnavailableWhilePostgresRefusesConnections() throws SQLException {
        // A database cannot bar connections to itself, so the owner does it from the maintenance database.
        String maintenanceUrl = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = DriverManager.getConnection(maintenanceUrl, "dcstate", "dcstate");
             Statement statement = admin.createStatement()) {
            statement.execute("alter database dcstate allow_connections false");
            try {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = 'dcstate'");

                // Repeated so that, once the killed pooled sessions are gone, new connections are refused too.
                for (int attempt = 0; attempt < 3; attempt++) {
                    given().when().get("/q/health/ready")
                            .then().statusCode(503)
                            .body("status", is("DOWN"))
                            .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", is("DOWN"));
                    given().when().get(DataCentreResourceTest.PATH)
                            .then().statusCode(503)
                            .contentType("application/problem+json")
                            .header("Retry-After", notNullValue())
                            .body("type", is("urn:ccms:problem:dependency-unavailable"));
                }
            } finally {
                statement.execute("alter database dcstate allow_connections true");
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP")));
        given().when().get(DataCentreResourceTest.PATH).then().statusCode(200).body("state.epoch", is(1));
    }

    @Test
    void openApiDocumentDescribesTheStatusAndOperatorEndpoints() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("info.title", is("CCMS datacentre-state"))
                .body("paths.'/api/v1/datacentre'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/datacentre'.get.responses.'503'", notNullValue())
                .body("paths.'/api/v1/operations/datacentre/switch-over'.post.responses.'401'", notNullValue())
                .body("paths.'/api/v1/operations/datacentre/sessions/{name}/open'.post", notNullValue())
                .body("components.securitySchemes.'operator-token'.scheme", is("bearer"));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .contentType(ContentType.HTML);
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get(DataCentreResourceTest.PATH).then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/datacentre\""));
    }
}
