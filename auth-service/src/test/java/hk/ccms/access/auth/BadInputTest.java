package hk.ccms.access.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
        assertProblem(LoginSteps.passwordStep(userId, "x", "ONLINE_FUNCTIONS"), 400, "validation-failed")
                .body("violations.field", hasItem("userId"));
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertProblem(LoginSteps.passwordStep("ALICE01", "x", "EVERYTHING"), 400, "malformed-request");
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeItIsBound() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        assertProblem(given().contentType(ContentType.JSON).body(nested).post("/api/v1/login/password").then(), 400, "malformed-request");
    }

    /**
     * What the HTTP layer cannot parse or will not hold never reaches the application: Vert.x answers
     * with a bodiless 4xx (Quarkus has no hook to give these a problem body), never a 500.
     */
    @Test
    void requestsTheHttpCodecRefusesGetA4xxWithoutABody() throws IOException {
        assertThat(rawAnswer("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .matches("(?s)HTTP/1\\.[01] 400 .*").containsIgnoringCase("content-length: 0");
        assertThat(rawAnswer("GET /api/v1/web/settings?q=" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .matches("(?s)HTTP/1\\.[01] 414 .*").containsIgnoringCase("content-length: 0");
        assertThat(rawAnswer("GET /api/v1/web/settings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: " + "a".repeat(30_000) + "\r\n\r\n"))
                .matches("(?s)HTTP/1\\.[01] 431 .*").containsIgnoringCase("content-length: 0");
    }

    /** Sends bytes no HTTP client library would send, and reads the answer until the server closes. */
    private static String rawAnswer(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"userId\":\"ALICE01\",\"password\":\"" + "x".repeat(100_000) + "\",\"function\":\"ONLINE_FUNCTIONS\"}";
        assertProblem(given().contentType(ContentType.JSON).body(huge).post("/api/v1/login/password").then(), 413, "payload-too-large");
    }

    @Test
    void aTooLongPasswordIsRefusedWithoutHashingIt() {
        assertProblem(LoginSteps.passwordStep("ALICE01", "p".repeat(2000), "ONLINE_FUNCTIONS"), 400, "validation-failed");
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
