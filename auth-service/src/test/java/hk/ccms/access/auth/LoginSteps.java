package hk.ccms.access.auth;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** The login's first step as a client sends it. */
final class LoginSteps {

    private LoginSteps() {
    }

    static ValidatableResponse passwordStep(String userId, String password, String function) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "password", password, "function", function))
                .post("/api/v1/login/password").then();
    }
}
