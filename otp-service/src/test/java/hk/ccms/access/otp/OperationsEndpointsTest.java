package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** What a developer or operator reaches without a token: OpenAPI, Swagger UI, health, and problem+json for stray requests. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class OperationsEndpointsTest {

    @Test
    void openApiDescribesTheContract() {
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/internal/v1/challenges"))
                .body("paths", hasKey("/internal/v1/challenges/{transactionId}/verification"))
                .body("paths", hasKey("/internal/v1/challenges/{transactionId}/resend"))
                .body("paths", hasKey("/internal/v1/challenges/{transactionId}"))
                .body("paths.'/internal/v1/challenges'.post.responses", hasKey("201"))
                .body("paths.'/internal/v1/notifications'.post.responses", hasKey("202"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthIsPublished() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
    }

    @Test
    void strayRequestsGetProblems() {
        RestAssured.get("/internal/v1/challenges").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ccms:problem:method-not-allowed"));
        RestAssured.get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", notNullValue());
    }
}
