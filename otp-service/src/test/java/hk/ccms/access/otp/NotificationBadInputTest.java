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

import static hk.ccms.access.otp.OtpApi.MALFORMED;
import static hk.ccms.access.otp.OtpApi.NOTIFICATIONS;
import static hk.ccms.access.otp.OtpApi.VALIDATION_FAILED;
import static hk.ccms.access.otp.OtpApi.authorised;
import static hk.ccms.access.otp.OtpApi.newAddress;
import static hk.ccms.access.otp.OtpApi.newNotificationId;
import static hk.ccms.access.otp.OtpApi.notificationBody;
import static hk.ccms.access.otp.OtpApi.problem;
import static hk.ccms.access.otp.OtpApi.sendNotification;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed notification request is a 4xx problem+json, never a 500, and sends nothing. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class NotificationBadInputTest {

    @Test
    void missingFieldsAreNamed() {
        problem(authorised().contentType(ContentType.JSON).body("{}").post(NOTIFICATIONS).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItems("notificationId", "subject", "kind", "to", "occurredAt"));
        problem(authorised().contentType(ContentType.JSON).post(NOTIFICATIONS).then(), 400, VALIDATION_FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "nt with spaces 0000000", "nt:00000000000000000", "nt\n000000000000000000",
            "nt/0000000000000000", "nt-ünicode-000000000", ""})
    void badNotificationIdIsRefused(String id) {
        refused(notificationBody(id, "PASSWORD_CHANGED", newAddress(), null), "notificationId");
    }

    @Test
    void notificationIdLengthIsBounded() {
        refused(notificationBody("n".repeat(129), "PASSWORD_CHANGED", newAddress(), null), "notificationId");
        String address = newAddress();
        sendNotification(notificationBody("n".repeat(128), "PASSWORD_CHANGED", address, null)).then().statusCode(202);
        sendNotification(notificationBody("n".repeat(16), "PASSWORD_CHANGED", address, null)).then().statusCode(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD_RESET", "password_changed", "EMAIL_CHANGED", "0", ""})
    void unknownKindIsMalformed(String kind) {
        String address = newAddress();
        problem(sendNotification(notificationBody(newNotificationId(), kind, address, null)).then(), 400, MALFORMED);
        assertTrue(Inbox.messages(address).isEmpty());
    }

    @Test
    void kindAsANumberIsMalformed() {
        String address = newAddress();
        Map<String, Object> body = notificationBody(newNotificationId(), "PASSWORD_CHANGED", address, null);
        body.put("kind", 0);
        problem(sendNotification(body).then(), 400, MALFORMED);
        assertTrue(Inbox.messages(address).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MOBILE_CHANGED", "EMAIL_CHANGED_OLD_ADDRESS", "OTP_CHANNEL_CHANGED", "TWO_FACTOR_SET_UP"})
    void changedToIsRequiredWhereTheKindNamesIt(String kind) {
        refused(notificationBody(newNotificationId(), kind, newAddress(), null), "changedTo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD_CHANGED", "EMAIL_CHANGED_NEW_ADDRESS", "TWO_FACTOR_RESET"})
    void changedToMustBeAbsentWhereTheKindNamesNothing(String kind) {
        refused(notificationBody(newNotificationId(), kind, newAddress(), "+85291234567"), "changedTo");
        refused(notificationBody(newNotificationId(), kind, newAddress(), ""), "changedTo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"85291234567", "+0852912345", "+8529123", "+1234567890123456", "+852 9123 4567", "+852-91234567",
            "+85291234567\n", "+852９1234567", "alice@cp0001.example", "SMS", ""})
    void newMobileNumberMustBeE164(String changedTo) {
        refused(notificationBody(newNotificationId(), "MOBILE_CHANGED", newAddress(), changedTo), "changedTo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "@cp0001.example", "a b@cp0001.example",
            "a@cp0001.example\r\nBcc: victim@example.com", "\"quoted\"@cp0001.example", "a@[127.0.0.1]", "+85291234567"})
    void newAddressMustBeAPlainEmailAddress(String changedTo) {
        refused(notificationBody(newNotificationId(), "EMAIL_CHANGED_OLD_ADDRESS", newAddress(), changedTo), "changedTo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "FAX", "EMAIL ", "E-MAIL", "+85291234567"})
    void newChannelMustBeEmailOrSms(String changedTo) {
        refused(notificationBody(newNotificationId(), "OTP_CHANNEL_CHANGED", newAddress(), changedTo), "changedTo");
        refused(notificationBody(newNotificationId(), "TWO_FACTOR_SET_UP", newAddress(), changedTo), "changedTo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "a@cp0001.example\r\nBcc: victim@example.com", "\"quoted\"@cp0001.example",
            "a@[127.0.0.1]", "+85291234567", " "})
    void recipientMustBeAPlainEmailAddress(String to) {
        problem(sendNotification(notificationBody(newNotificationId(), "PASSWORD_CHANGED", to, null)).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("to"));
    }

    @Test
    void overlongRecipientIsRefused() {
        String to = "a".repeat(60) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example.com";
        problem(sendNotification(notificationBody(newNotificationId(), "PASSWORD_CHANGED", to, null)).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem("to"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALICE\u000001", "ALICE\n01", "ALICE\u001b[31m", "ALICE 01", "ALICE:01", "", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void subjectOutsideItsAlphabetIsRefused(String subject) {
        Map<String, Object> body = notificationBody(newNotificationId(), "PASSWORD_CHANGED", newAddress(), null);
        body.put("subject", subject);
        refused(body, "subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-26 06:05:00", "2026-11-26", "2026-11-26T06:05:00", "1764137100", ""})
    void occurredAtMustBeAnIsoInstant(String occurredAt) {
        Map<String, Object> body = notificationBody(newNotificationId(), "PASSWORD_CHANGED", newAddress(), null);
        body.put("occurredAt", occurredAt);
        refused(body, "occurredAt");
    }

    @Test
    void occurredAtAsANumberIsRefused() {
        Map<String, Object> body = notificationBody(newNotificationId(), "PASSWORD_CHANGED", newAddress(), null);
        body.put("occurredAt", 1764137100);
        refused(body, "occurredAt");
    }

    @Test
    void unknownLocaleIsMalformed() {
        Map<String, Object> body = notificationBody(newNotificationId(), "PASSWORD_CHANGED", newAddress(), null);
        body.put("locale", "fr");
        problem(sendNotification(body).then(), 400, MALFORMED);
    }

    @Test
    void unreadableBodiesAreRefused() {
        problem(authorised().contentType(ContentType.JSON).body("{\"notificationId\": ").post(NOTIFICATIONS).then(), 400, MALFORMED);
        problem(authorised().contentType(ContentType.JSON).body("{\"notificationId\": [1], \"to\": {}}").post(NOTIFICATIONS).then(),
                400, MALFORMED);
        problem(authorised().contentType(ContentType.TEXT).body("notificationId=x").post(NOTIFICATIONS).then(),
                415, "urn:ccms:problem:unsupported-media-type");
    }

    @Test
    void oversizedBodyIsRefused() {
        String address = newAddress();
        Map<String, Object> body = notificationBody(newNotificationId(), "PASSWORD_CHANGED", address, null);
        body.put("padding", "x".repeat(20_000));
        problem(sendNotification(body).then(), 413, "urn:ccms:problem:payload-too-large");
        assertTrue(Inbox.messages(address).isEmpty());
    }

    /** A 400 naming {@code field}, and no message sent to the request's address. */
    private static void refused(Map<String, Object> body, String field) {
        problem(sendNotification(body).then(), 400, VALIDATION_FAILED)
                .body("violations.field", hasItem(field));
        assertTrue(Inbox.messages((String) body.get("to")).isEmpty(), "nothing was sent");
    }
}
