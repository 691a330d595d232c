package hk.ccms.access.datacentre.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import hk.ccms.access.datacentre.domain.SharedState;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * Back to normal production at PDC with no session, whatever the tests before did: auth-service
     * and the peer behaving and reachable, the peer holding the same state, this DC confirmed. Steps
     * only the active SDC could take are taken by the peer stand-in, as SDC would.
     */
    public static void normalProductionAtPdc(String token) {
        AuthServiceStub.running().reset();
        PeerDataCentreStub peer = PeerDataCentreStub.running();
        peer.answerWith(0);
        peer.failPushes(false);
        peer.startAgain();
        awaitPeerHoldsOurState(token);

        ValidatableResponse now = overview(token);
        if ("SDC".equals(now.extract().path("state.activeDc"))) {
            peer.switchOverTo("PDC").log().ifValidationFails().statusCode(200);
        } else {
            if (now.extract().path("state.session") != null) {
                approvedIfAsked(closeSession(token, "test set-up: back to production")).log().ifValidationFails().statusCode(200);
            }
            if ("FAILED_OVER".equals(now.extract().path("state.mode"))) {
                // Failed over to PDC: a planned switch-over can only leave it and come back.
                approvedIfAsked(switchOver(token, "SDC", "test set-up: leaving the fail-over")).log().ifValidationFails().statusCode(200);
                peer.switchOverTo("PDC").log().ifValidationFails().statusCode(200);
            }
        }
        overview(token).body("state.activeDc", equalTo("PDC")).body("state.mode", equalTo("NORMAL"))
                .body("state.session", nullValue()).body("thisDcIsActive", equalTo(true));
    }

    /** With two-person approval on, an action answered 202 is approved by a second operator (its answer is returned). */
    public static ValidatableResponse approvedIfAsked(ValidatableResponse response) {
        if (response.extract().statusCode() != 202) {
            return response;
        }
        return approve(OperatorTokens.of("OPS99"), response.extract().<Number>path("id").longValue());
    }

    public static ValidatableResponse approve(String token, long approvalId) {
        return given().auth().oauth2(token).accept(ContentType.JSON)
                .when().post(OPERATIONS + "/approvals/{id}/approve", approvalId).then();
    }

    /** Waits until the peer stand-in holds this DC's state (pushed at a change, or at the next sync). */
    public static void awaitPeerHoldsOurState(String token) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ValidatableResponse ours = overview(token).statusCode(200).body("confirmed", equalTo(true));
            SharedState theirs = PeerDataCentreStub.running().state();
            assertEquals(((Number) ours.extract().path("state.epoch")).longValue(), theirs.epoch());
            assertEquals(((Number) ours.extract().path("state.revision")).longValue(), theirs.revision());
        });
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ccms:problem:" + slug))
                .body("status", equalTo(status))
                .body(not(containsString("Exception")));
    }
}
