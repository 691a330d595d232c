package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
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
        return passwordStep(RunningDataCentre.primary(), userId, password, function);
    }

    static ValidatableResponse passwordStep(DataCentre dc, String userId, String password, String function) {
        return given().baseUri(dc.authUrl()).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "password", password, "function", function))
                .post("/api/v1/login/password").then();
    }

    static ValidatableResponse codeStep(String transactionId, String code) {
        return codeStep(RunningDataCentre.primary(), transactionId, code);
    }

    static ValidatableResponse codeStep(DataCentre dc, String transactionId, String code) {
        return given().baseUri(dc.authUrl()).contentType(ContentType.JSON)
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
        return call(RunningDataCentre.primary(), method, path, token, body);
    }

    /** The same at data centre {@code dc}. */
    static ValidatableResponse call(DataCentre dc, String method, String path, String token, Object body) {
        var request = given().baseUri(dc.authUrl()).contentType(ContentType.JSON);
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
        return fullLogin(RunningDataCentre.primary(), userId, password, function, email);
    }

    /** The same at data centre {@code dc}, whose mail server carries the code. */
    static String fullLogin(DataCentre dc, String userId, String password, String function, String email) {
        int before = RunningDataCentre.mailCount(dc, email);
        String transactionId = passwordStep(dc, userId, password, function).log().ifValidationFails().statusCode(200)
                .extract().path("transactionId");
        return codeStep(dc, transactionId, RunningDataCentre.awaitCode(dc, email, before)).log().ifValidationFails().statusCode(200)
                .extract().path("accessToken");
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:ccms:problem:" + slug));
    }
}
