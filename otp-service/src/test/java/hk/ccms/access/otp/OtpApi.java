package hk.ccms.access.otp;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Calls otp-service as auth-service does, with a valid service token. */
public final class OtpApi {

    public static final String CHALLENGES = "/internal/v1/challenges";
    public static final String NOTIFICATIONS = "/internal/v1/notifications";
    /** 2026-11-26 14:05 in Hong Kong. */
    public static final String OCCURRED_AT = "2026-11-26T06:05:00Z";
    public static final String VALIDATION_FAILED = "urn:ccms:problem:validation-failed";
    public static final String MALFORMED = "urn:ccms:problem:malformed-request";

    private OtpApi() {
    }

    /** A 4xx/5xx problem+json of {@code type}, without a stack trace in it. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body(not(containsString("Exception")))
                .body(not(containsString("at hk.")));
    }

    public static String newTransactionId() {
        return "tx-" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String newSubject() {
        return "user." + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newAddress() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@cp0001.example";
    }

    public static String newNotificationId() {
        return "nt-" + UUID.randomUUID().toString().replace("-", "");
    }

    public static RequestSpecification authorised() {
        return RestAssured.given().auth().oauth2(ServiceTokens.valid());
    }

    public static Map<String, Object> issueBody(String transactionId, String subject, String address) {
        Map<String, Object> body = new HashMap<>();
        body.put("transactionId", transactionId);
        body.put("subject", subject);
        body.put("purpose", "LOGIN");
        body.put("channel", "EMAIL");
        body.put("destination", address);
        return body;
    }

    public static Response issue(String transactionId, String subject, String address) {
        return issue(issueBody(transactionId, subject, address));
    }

    public static Response issue(Map<String, Object> body) {
        return authorised().contentType(ContentType.JSON).body(body).post(CHALLENGES);
    }

    public static Response verify(String transactionId, String subject, String code) {
        return authorised().contentType(ContentType.JSON).body(Map.of("subject", subject, "code", code))
                .post(CHALLENGES + "/{tx}/verification", transactionId);
    }

    public static Response resend(String transactionId, String subject) {
        return authorised().contentType(ContentType.JSON).body(Map.of("subject", subject))
                .post(CHALLENGES + "/{tx}/resend", transactionId);
    }

    public static Response abandon(String transactionId) {
        return authorised().delete(CHALLENGES + "/{tx}", transactionId);
    }

    /** A notification request as auth-service's outbox sends it; {@code changedTo} is left out when null. */
    public static Map<String, Object> notificationBody(String notificationId, String kind, String to, String changedTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("notificationId", notificationId);
        body.put("subject", "ALICE01");
        body.put("kind", kind);
        body.put("to", to);
        body.put("occurredAt", OCCURRED_AT);
        if (changedTo != null) {
            body.put("changedTo", changedTo);
        }
        return body;
    }

    public static Response sendNotification(Map<String, Object> body) {
        return authorised().contentType(ContentType.JSON).body(body).post(NOTIFICATIONS);
    }

    /** The outcome of verifying {@code code}, asserting a 200. */
    public static String outcome(String transactionId, String subject, String code) {
        return verify(transactionId, subject, code).then().statusCode(200).extract().path("outcome");
    }
}
