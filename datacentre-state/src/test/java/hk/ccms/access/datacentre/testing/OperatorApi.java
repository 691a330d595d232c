package hk.ccms.access.datacentre.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The operator API as the operations console calls it. */
public final class OperatorApi {

    public static final String OPERATIONS = "/api/v1/operations/datacentre";
    public static final String STATUS = "/api/v1/datacentre";

    private OperatorApi() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static ValidatableResponse overview(String token) {
        return given().auth().oauth2(token).when().get(OPERATIONS).then();
    }

    public static ValidatableResponse switchOver(String token, String targetDc, String reason) {
        return as(token).body(switchBody(targetDc, reason)).when().post(OPERATIONS + "/switch-over").then();
    }

    public static ValidatableResponse failOver(String token, String targetDc, String reason) {
        return as(token).body(switchBody(targetDc, reason)).when().post(OPERATIONS + "/fail-over").then();
    }

    public static ValidatableResponse openSession(String token, String name, String reason) {
        return as(token).body(reasonBody(reason)).when().post(OPERATIONS + "/sessions/{name}/open", name).then();
    }

    public static ValidatableResponse closeSession(String token, String reason) {
        return as(token).body(reasonBody(reason)).when().post(OPERATIONS + "/sessions/close").then();
    }

    public static Map<String, Object> switchBody(String targetDc, String reason) {
        Map<String, Object> body = reasonBody(reason);
        body.put("targetDc", targetDc);
        return body;
    }

    public static Map<String, Object> reasonBody(String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return body;
    }

    /** Back to normal production at PDC with no session, through the API, whatever the tests before did. */
    public static void normalProductionAtPdc(String token) {
        if (overview(token).statusCode(200).extract().path("state.session") != null) {
            closeSession(token, "test set-up: back to production").statusCode(200);
        }
        ValidatableResponse now = overview(token);
        boolean pdcActive = "PDC".equals(now.extract().path("state.activeDc"));
        if (pdcActive && "NORMAL".equals(now.extract().path("state.mode"))) {
            return;
        }
        if (pdcActive) {
            // Failed over to PDC: a planned switch-over can only leave it and come back.
            switchOver(token, "SDC", "test set-up: leaving the fail-over").statusCode(200);
        }
        switchOver(token, "PDC", "test set-up: back to the primary").statusCode(200);
    }

    public static void assertProblem(ValidatableResponse response, int status, String slug) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ccms:problem:" + slug))
                .body("status", equalTo(status))
                .body(not(containsString("Exception")));
    }
}
