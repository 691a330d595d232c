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
        return fullLogin(userId, RunningDataCentre.PASSWORD, function, RunningDataCentre.emailOf(userId));
    }

    /** A JSON call to auth-service's public API, with an access token when {@code token} is not null. */
    static ValidatableResponse call(String method, String path, String token, Object body) {
        var request = given().baseUri(RunningDataCentre.primary().authUrl()).contentType(ContentType.JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    /** Login of a demo account whose codes go to {@code email}. */
    static String fullLogin(String userId, String password, String function, String email) {
        int before = RunningDataCentre.mailCount(email);
        String transactionId = passwordStep(userId, password, function).statusCode(200).extract().path("transactionId");
        return codeStep(transactionId, RunningDataCentre.awaitCode(email, before)).statusCode(200).extract().path("accessToken");
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:ccms:problem:" + slug));
    }
}
