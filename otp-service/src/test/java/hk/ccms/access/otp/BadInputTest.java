package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static hk.ccms.access.otp.OtpApi.CHALLENGES;
import static hk.ccms.access.otp.OtpApi.MALFORMED;
import static hk.ccms.access.otp.OtpApi.VALIDATION_FAILED;
import static hk.ccms.access.otp.OtpApi.authorised;
import static hk.ccms.access.otp.OtpApi.issue;
import static hk.ccms.access.otp.OtpApi.issueBody;
import static hk.ccms.access.otp.OtpApi.newAddress;
import static hk.ccms.access.otp.OtpApi.newSubject;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static hk.ccms.access.otp.OtpApi.problem;
import static hk.ccms.access.otp.OtpApi.verify;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a clear 4xx problem+json, never a 500 or a stack trace, and never sends mail. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class BadInputTest {

    @Test
    void missingFieldsAreNamed() {
        problem(authorised().contentType(ContentType.JSON).body("{}").post(CHALLENGES).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItems("transactionId", "subject", "purpose", "channel", "destination"));
    }

    @Test
    void missingBodyIsRefused() {
        problem(authorised().contentType(ContentType.JSON).post(CHALLENGES).then(), 400, VALIDATION_FAILED);
    }

    @Test
    void malformedJsonIsRefused() {
        problem(authorised().contentType(ContentType.JSON).body("{\"transactionId\": ").post(CHALLENGES).then(), 400, MALFORMED);
    }

    @Test
    void unknownEnumValueIsRefused() {
        Map<String, Object> body = issueBody(newTransactionId(), newSubject(), newAddress());
        body.put("channel", "FAX");
        problem(issue(body).then(), 400, MALFORMED);
        body.put("channel", "EMAIL");
        body.put("locale", "fr");
        problem(issue(body).then(), 400, MALFORMED);
        body.remove("locale");
        body.put("purpose", 1);
        problem(issue(body).then(), 400, MALFORMED);
    }

    @Test
    void wrongJsonTypeIsRefused() {
        problem(authorised().contentType(ContentType.JSON).body("{\"subject\": [1], \"code\": {}}")
                .post(CHALLENGES + "/{tx}/verification", newTransactionId()).then(), 400, MALFORMED);
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        problem(authorised().contentType(ContentType.TEXT).body("transactionId=x").post(CHALLENGES).then(),
                415, "urn:ccms:problem:unsupported-media-type");
    }

    @Test
    void oversizedBodyIsRefused() {
        Map<String, Object> body = issueBody(newTransactionId(), newSubject(), newAddress());
        body.put("padding", "x".repeat(20_000));
        problem(issue(body).then(), 413, "urn:ccms:problem:payload-too-large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user\u0000x", "user\nname", "user\u001b[31m", "user name", "user:1", ""})
    void subjectOutsideItsAlphabetIsRefused(String subject) {
        problem(issue(newTransactionId(), subject, newAddress()).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("subject"));
    }

    @Test
    void overlongSubjectIsRefused() {
        problem(issue(newTransactionId(), "u".repeat(65), newAddress()).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("subject"));
        issue(newTransactionId(), "u".repeat(64), newAddress()).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "tx-with spaces-0000000", "tx:00000000000000000", "tx*0000000000000000"})
    void transactionIdOutsideItsAlphabetIsRefused(String transactionId) {
        problem(issue(transactionId, newSubject(), newAddress()).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("transactionId"));
        problem(verify(transactionId, newSubject(), "123456").then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("transactionId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "@cp0001.example", "a@@cp0001.example", "a b@cp0001.example",
            "a@cp0001.example\r\nBcc: victim@example.com", "\"quoted\"@cp0001.example", "a@[127.0.0.1]", "a@-bad-.example"})
    void invalidEmailIsRefusedWithoutSending(String destination) {
        problem(issue(newTransactionId(), newSubject(), destination).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("destination"));
    }

    @Test
    void overlongEmailIsRefused() {
        String destination = "a".repeat(60) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example.com";
        assertEquals(255, destination.length());
        problem(issue(newTransactionId(), newSubject(), destination).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("destination"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"85291234567", "+0852912345", "+8529123", "+1234567890123456", "+852 9123 4567", "+852-91234567",
            "+85291234567\n", "０８５２９１２３４５６７", "+852９1234567", "alice@cp0001.example", "+"})
    void invalidMobileNumberIsRefusedWithoutSending(String destination) {
        String tx = newTransactionId();
        String subject = newSubject();
        Map<String, Object> body = issueBody(tx, subject, destination);
        body.put("channel", "SMS");
        problem(issue(body).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("destination"));
        assertEquals("EXPIRED", OtpApi.outcome(tx, subject, "123456"), "no challenge was created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "abcdef", "12 456", "１２３４５６", ""})
    void codeOfTheWrongShapeIsRefused(String code) {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        issue(tx, subject, address).then().statusCode(201);
        problem(verify(tx, subject, code).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("code"));
        assertEquals("ACCEPTED", OtpApi.outcome(tx, subject, Inbox.awaitCode(address, 1)),
                "a malformed code does not use up an attempt");
    }
}
