package hk.ccms.access.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Whatever a client sends, the answer is a clear 4xx problem, never a 500 or a stack trace. */
@QuarkusTest
class BadInputTest {

    @Test
    void missingFieldsAreNamed() {
        assertProblem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/login/password").then(), 400, "validation-failed")
                .body("violations.field", hasItem("userId"))
                .body("violations.field", hasItem("password"))
                .body("violations.field", hasItem("function"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertProblem(given().contentType(ContentType.JSON).post("/api/v1/login/password").then(), 400, "validation-failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userId\": \"ALICE01\", ", "[1,2,3]", "\"just a string\"", "{\"userId\": {\"$ne\": null}}", "nul"})
    void malformedJsonIsRefused(String body) {
        int status = given().contentType(ContentType.JSON).body(body).post("/api/v1/login/password").then()
                .contentType(containsString("application/problem+json"))
                .body(not(containsString("Exception")))
                .extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALICE01' OR '1'='1", "ALICE01; DROP TABLE account;--", "ALICE\u000001", "ALICE\n01", "ALICE\u202E01", "\u0000"})
    void hostileUserIdsAreRefusedAsInvalid(String userId) {
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "password", "x", "function", "ONLINE_FUNCTIONS"))
                .post("/api/v1/login/password").then(), 400, "validation-failed")
                .body("violations.field", hasItem("userId"));
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("userId", "ALICE01", "password", "x", "function", "EVERYTHING"))
                .post("/api/v1/login/password").then(), 400, "malformed-request");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"userId\":\"ALICE01\",\"password\":\"" + "x".repeat(100_000) + "\",\"function\":\"ONLINE_FUNCTIONS\"}";
        assertProblem(given().contentType(ContentType.JSON).body(huge).post("/api/v1/login/password").then(), 413, "payload-too-large");
    }

    @Test
    void aTooLongPasswordIsRefusedWithoutHashingIt() {
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("userId", "ALICE01", "password", "p".repeat(2000), "function", "ONLINE_FUNCTIONS"))
                .post("/api/v1/login/password").then(), 400, "validation-failed");
    }

    @Test
    void theWrongContentTypeIsRefused() {
        assertProblem(given().contentType(ContentType.XML).body("<login/>").post("/api/v1/login/password").then(), 415, "unsupported-media-type");
        assertProblem(given().contentType(ContentType.TEXT).body("userId=ALICE01").post("/api/v1/login/password").then(), 415, "unsupported-media-type");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        assertProblem(given().get("/api/v1/nothing-here").then(), 404, "not-found");
        assertProblem(given().get("/api/v1/login/password").then(), 405, "method-not-allowed");
    }

    @Test
    void badCodesAndTransactionIdsAreRefused() {
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("transactionId", "short", "code", "12ab56"))
                .post("/api/v1/login/code").then(), 400, "validation-failed");
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("transactionId", "a".repeat(32), "code", "123456"))
                .post("/api/v1/login/code").then(), 401, "login-transaction-invalid");
    }
}
