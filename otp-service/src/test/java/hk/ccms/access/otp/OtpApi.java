package hk.ccms.access.otp;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Calls otp-service as auth-service does, with a valid service token. */
public final class OtpApi {

    public static final String CHALLENGES = "/internal/v1/challenges";

    private OtpApi() {
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

    /** The outcome of verifying {@code code}, asserting a 200. */
    public static String outcome(String transactionId, String subject, String code) {
        return verify(transactionId, subject, code).then().statusCode(200).extract().path("outcome");
    }
}
