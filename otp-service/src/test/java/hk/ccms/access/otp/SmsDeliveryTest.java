package hk.ccms.access.otp;

import hk.ccms.access.infra.SmscServer;
import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmscTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static hk.ccms.access.otp.OtpApi.issue;
import static hk.ccms.access.otp.OtpApi.issueBody;
import static hk.ccms.access.otp.OtpApi.newSubject;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static hk.ccms.access.otp.OtpApi.outcome;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Codes by SMS through a real SMPP 3.4 server, its failure modes, reconnection and delivery receipts. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(SmscTestResource.class)
class SmsDeliveryTest {

    private static final DateTimeFormatter HK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Hong_Kong"));
    private static final Pattern RECEIPTS = Pattern.compile("ccms_otp_sms_receipts_total\\{state=\"DELIVRD\"} ([0-9.]+)");

    @Inject
    RedisDataSource redis;

    private static SmscServer smsc() {
        return SmscTestResource.server();
    }

    private static Response issueSms(String tx, String subject, String mobile, String locale) {
        Map<String, Object> body = issueBody(tx, subject, mobile);
        body.put("channel", "SMS");
        if (locale != null) {
            body.put("locale", locale);
        }
        return issue(body);
    }

    @Test
    void codeIsSentBySmsAndAccepted() {
        String tx = newTransactionId();
        String subject = newSubject();
        String mobile = SmsInbox.newMobile();
        Response issued = issueSms(tx, subject, mobile, null);
        issued.then().statusCode(201)
                .body("channel", equalTo("SMS"))
                .body("maskedDestination", equalTo("+852****" + mobile.substring(mobile.length() - 4)));

        Map<String, Object> sms = SmsInbox.awaitMessage(mobile, 1);
        String text = (String) sms.get("text");
        String code = SmsInbox.code(text);
        String expiry = HK_TIME.format(Instant.parse(issued.path("expiresAt")));
        assertEquals("HKFE", sms.get("from"));
        assertEquals("ALPHA_UCS2", sms.get("dataCoding"), "Chinese needs UCS-2");
        assertEquals("Code " + code + " to log in to CCMS, expires " + expiry + " HKT.\n"
                + "驗證碼 " + code + "，用於登入 CCMS，" + expiry + " 到期。", text, "only code, purpose and expiry, English first");
        assertFalse(text.contains(subject) || text.contains(tx), "no user id or transaction id");
        assertTrue(text.length() <= 134, "at most two UCS-2 segments");

        assertEquals("ACCEPTED", outcome(tx, subject, code));
    }

    @Test
    void chineseComesFirstForZhHk() {
        String mobile = SmsInbox.newMobile();
        issueSms(newTransactionId(), newSubject(), mobile, "zh-HK").then().statusCode(201);
        String text = (String) SmsInbox.awaitMessage(mobile, 1).get("text");
        assertTrue(text.startsWith("驗證碼 "), text);
        assertTrue(text.contains("\nCode "), text);
    }

    @Test
    void deliveryReceiptIsRecordedAndSessionShownInReadiness() {
        double before = deliveredReceipts();
        String mobile = SmsInbox.newMobile();
        issueSms(newTransactionId(), newSubject(), mobile, null).then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredReceipts() > before);
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'smpp-session' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'smpp-session' }.data.state", equalTo("BOUND"));
    }

    @Test
    void refusedBindIsDeliveryUnavailableButReadinessStaysUp() {
        smsc().refuseBinds(true);
        try {
            smsc().stop();
            smsc().start();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'smpp-session' }.data.state", equalTo("DOWN"))
                    .body("checks.find { it.name == 'smpp-session' }.data.lastError",
                            equalTo("bind refused, command status 0x0000000D")));
            assertDeliveryUnavailable();
        } finally {
            smsc().refuseBinds(false);
        }
        awaitBound();
        sendsAndAccepts();
    }

    @Test
    void throttledSubmitIsDeliveryUnavailable() {
        sendsAndAccepts();
        smsc().throttle(true);
        try {
            assertDeliveryUnavailable();
        } finally {
            smsc().throttle(false);
        }
        sendsAndAccepts();
    }

    @Test
    void unansweredSubmitIsDeliveryUnavailable() {
        sendsAndAccepts();
        smsc().silent(true);
        try {
            long started = System.nanoTime();
            assertDeliveryUnavailable();
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                    "bounded by the 2 s submit timeout");
        } finally {
            smsc().silent(false);
        }
        sendsAndAccepts();
    }

    @Test
    void sessionIsBoundAgainAfterTheSmscRestarts() {
        sendsAndAccepts();
        smsc().stop();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                    .body("checks.find { it.name == 'smpp-session' }.data.state", equalTo("DOWN")));
            assertDeliveryUnavailable();
        } finally {
            smsc().start();
        }
        awaitBound();
        sendsAndAccepts();
    }

    /** A 503 with Retry-After, nothing reached the SMSC and no challenge is left to guess at. */
    private void assertDeliveryUnavailable() {
        String tx = newTransactionId();
        String subject = newSubject();
        String mobile = SmsInbox.newMobile();
        issueSms(tx, subject, mobile, null).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("urn:ccms:problem:delivery-unavailable"));
        assertTrue(redis.hash(String.class).hgetall("otp:challenge:" + tx).isEmpty(), "no challenge left in Redis");
        assertEquals("EXPIRED", outcome(tx, subject, "123456"));
        assertTrue(SmsInbox.messages(mobile).isEmpty(), "nothing was kept by the SMSC");
    }

    private void sendsAndAccepts() {
        String tx = newTransactionId();
        String subject = newSubject();
        String mobile = SmsInbox.newMobile();
        issueSms(tx, subject, mobile, null).then().statusCode(201);
        assertEquals("ACCEPTED", outcome(tx, subject, SmsInbox.code((String) SmsInbox.awaitMessage(mobile, 1).get("text"))));
    }

    private static void awaitBound() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .body("checks.find { it.name == 'smpp-session' }.data.state", equalTo("BOUND")));
    }

    private static double deliveredReceipts() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = RECEIPTS.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
