package hk.ccms.access.it;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The participant's side of a login, over the public REST API. */
final class Logins {

    private Logins() {
    }

    static ValidatableResponse passwordStep(String userId, String password, String function) {
        return given().baseUri(RunningDataCentre.primary().authUrl()).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "password", password, "function", function))
                .post("/api/v1/login/password").then();
    }

    static ValidatableResponse codeStep(String transactionId, String code) {
        return given().baseUri(RunningDataCentre.primary().authUrl()).contentType(ContentType.JSON)
                .body(Map.of("transactionId", transactionId, "code", code))
                .post("/api/v1/login/code").then();
    }

    static ValidatableResponse resend(String transactionId) {
        return given().baseUri(RunningDataCentre.primary().authUrl()).contentType(ContentType.JSON)
                .body(Map.of("transactionId", transactionId))
                .post("/api/v1/login/code/resend").then();
    }

    /** Password step, code from the real mailbox, code step: the access token. */
    static String fullLogin(String userId, String function) {
        String email = RunningDataCentre.emailOf(userId);
        int before = RunningDataCentre.mailCount(email);
        String transactionId = passwordStep(userId, RunningDataCentre.PASSWORD, function).statusCode(200)
                .extract().path("transactionId");
        String code = RunningDataCentre.awaitCode(email, before);
        return codeStep(transactionId, code).statusCode(200).extract().path("accessToken");
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:ccms:problem:" + slug));
    }
}
