package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static hk.ccms.access.otp.OtpApi.abandon;
import static hk.ccms.access.otp.OtpApi.issue;
import static hk.ccms.access.otp.OtpApi.issueBody;
import static hk.ccms.access.otp.OtpApi.newAddress;
import static hk.ccms.access.otp.OtpApi.newSubject;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static hk.ccms.access.otp.OtpApi.outcome;
import static hk.ccms.access.otp.OtpApi.resend;
import static hk.ccms.access.otp.OtpApi.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ChallengeLifecycleTest {

    private static final String TEST_HASH_KEY = "dGVzdC1vbmx5LW90cC1jb2RlLWhhc2gta2V5LW5vdC1zZWNyZXQ=";
    private static final DateTimeFormatter HONG_KONG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Hong_Kong"));

    @Inject
    RedisDataSource redis;

    @Test
    void issuedCodeIsMailedAndAcceptedOnce() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();

        Response issued = issue(tx, subject, address);
        issued.then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("transactionId", equalTo(tx))
                .body("channel", equalTo("EMAIL"))
                .body("maskedDestination", equalTo(address.charAt(0) + "***" + address.charAt(address.indexOf('@') - 1)
                        + address.substring(address.indexOf('@'))))
                .body("codeLength", equalTo(6));
        Instant expiresAt = Instant.parse(issued.path("expiresAt"));
        Instant resendAvailableAt = Instant.parse(issued.path("resendAvailableAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(4))), "default TTL is 5 minutes");
        assertTrue(expiresAt.isBefore(Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(1)));
        assertTrue(resendAvailableAt.isBefore(expiresAt));

        String code = Inbox.awaitCode(address, 1);
        verify(tx, subject, code).then().statusCode(200)
                .body("outcome", equalTo("ACCEPTED"))
                .body("remainingAttempts", equalTo(0));
        assertEquals("EXPIRED", outcome(tx, subject, code), "a code is single use");
    }

    @Test
    void setUpCodesLiveTenMinutesByDefault() {
        Map<String, Object> body = issueBody(newTransactionId(), newSubject(), newAddress());
        body.put("purpose", "ACTIVATION");
        Instant before = Instant.now();
        Response issued = issue(body);
        issued.then().statusCode(201);
        Instant expiresAt = Instant.parse(issued.path("expiresAt"));
        assertTrue(expiresAt.isAfter(before.plus(Duration.ofMinutes(10)).minusSeconds(1)), "default set-up TTL is 10 minutes");
        assertTrue(expiresAt.isBefore(Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(1)), expiresAt.toString());
    }

    @Test
    void mailIsBilingualWithCodeAndHongKongExpiry() {
        String tx = newTransactionId();
        String address = newAddress();
        Response issued = issue(tx, newSubject(), address);
        issued.then().statusCode(201);
        String hongKongExpiry = HONG_KONG.format(Instant.parse(issued.path("expiresAt")));

        Map<String, Object> mail = Inbox.awaitMessage(address, 1);
        String text = (String) mail.get("text");
        String code = Inbox.code(text);
        assertEquals("CCMS one-time password 一次性密碼", mail.get("subject"));
        assertEquals("no-reply@ccms.local", mail.get("from"));
        assertTrue(text.contains("Your one-time password to log in to CCMS is:"), text);
        assertTrue(text.contains("你用於登入 CCMS的一次性密碼是"), text);
        assertTrue(text.contains("It expires at " + hongKongExpiry + " Hong Kong time"), text);
        assertTrue(text.contains("此密碼將於香港時間 " + hongKongExpiry + " 失效"), text);
        assertTrue(text.contains("will never ask you for this password, by phone"), text);
        assertTrue(text.contains("絕不會透過電話"), text);
        assertEquals(2, text.split(code, -1).length - 1, "the code appears once per language");
        assertTrue(text.indexOf("Your one-time password") < text.indexOf("你用於"), "English first by default");
        assertFalse(text.contains("cp0001"), "no account details in the message");
    }

    @Test
    void preferredChineseComesFirst() {
        String address = newAddress();
        Map<String, Object> body = issueBody(newTransactionId(), newSubject(), address);
        body.put("locale", "zh-HK");
        issue(body).then().statusCode(201);

        String text = (String) Inbox.awaitMessage(address, 1).get("text");
        assertTrue(text.indexOf("你用於") < text.indexOf("Your one-time password"), text);
    }

    @Test
    void fiveWrongCodesExhaustTheChallenge() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        issue(tx, subject, address).then().statusCode(201);
        String code = Inbox.awaitCode(address, 1);
        String wrong = wrongCode(code);

        for (int remaining = 4; remaining >= 1; remaining--) {
            verify(tx, subject, wrong).then().statusCode(200)
                    .body("outcome", equalTo("REJECTED"))
                    .body("remainingAttempts", equalTo(remaining));
        }
        verify(tx, subject, wrong).then().statusCode(200)
                .body("outcome", equalTo("EXHAUSTED"))
                .body("remainingAttempts", equalTo(0));
        assertEquals("EXPIRED", outcome(tx, subject, code), "after exhaustion even the right code fails");
    }

    @Test
    void codeIsBoundToItsTransactionAndSubject() {
        String subject = newSubject();
        String address = newAddress();
        String txA = newTransactionId();
        String txB = newTransactionId();
        issue(txA, subject, address).then().statusCode(201);
        issue(txB, subject, address).then().statusCode(201);
        String codeA = Inbox.awaitCode(address, 1);
        String codeB = Inbox.awaitCode(address, 2);
        if (codeA.equals(codeB)) {
            return; // one chance in a million: the binding cannot be observed with equal codes
        }

        verify(txB, subject, codeA).then().statusCode(200)
                .body("outcome", equalTo("REJECTED")).body("remainingAttempts", equalTo(4));
        assertEquals("EXPIRED", outcome(txA, "someone.else", codeA), "another subject cannot use the code");
        assertEquals("ACCEPTED", outcome(txA, subject, codeA));
        assertEquals("ACCEPTED", outcome(txB, subject, codeB));
    }

    @Test
    void liveTransactionCannotBeIssuedTwice() {
        String tx = newTransactionId();
        String subject = newSubject();
        issue(tx, subject, newAddress()).then().statusCode(201);
        // auth-service accepts only application/json; problems still come as problem+json.
        OtpApi.authorised().accept(ContentType.JSON).contentType(ContentType.JSON)
                .body(issueBody(tx, subject, newAddress())).post(OtpApi.CHALLENGES)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ccms:problem:challenge-exists"));
    }

    @Test
    void onlyTheKeyedHashIsStored() throws Exception {
        String tx = newTransactionId();
        String address = newAddress();
        issue(tx, newSubject(), address).then().statusCode(201);
        String code = Inbox.awaitCode(address, 1);

        Map<String, String> fields = redis.hash(String.class).hgetall("otp:challenge:" + tx);
        assertFalse(fields.isEmpty(), "the challenge is stored under the otp: prefix");
        fields.forEach((field, value) -> assertFalse(value.contains(code), "field " + field + " holds the code"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(TEST_HASH_KEY), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((tx + ":" + code).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, fields.get("codeHash"));
        long ttlSeconds = redis.key().ttl("otp:challenge:" + tx);
        assertTrue(ttlSeconds > 0 && ttlSeconds <= 300, "expires with the code: " + ttlSeconds);
    }

    @Test
    void resendTooSoonIsRefusedThenReplacesTheCodeAndKeepsTheAttemptCount() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        Response issued = issue(tx, subject, address);
        issued.then().statusCode(201);
        Instant firstExpiry = Instant.parse(issued.path("expiresAt"));
        Instant resendAvailableAt = Instant.parse(issued.path("resendAvailableAt"));
        String oldCode = Inbox.awaitCode(address, 1);

        resend(tx, subject).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("urn:ccms:problem:resend-too-soon"));
        String wrong = wrongCode(oldCode);
        assertEquals("REJECTED", outcome(tx, subject, wrong));
        assertEquals("REJECTED", outcome(tx, subject, wrong));

        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(resendAvailableAt));
        Response resent = resend(tx, subject);
        resent.then().statusCode(200)
                .body("transactionId", equalTo(tx))
                .body("codeLength", equalTo(6));
        assertTrue(Instant.parse(resent.path("expiresAt")).isAfter(firstExpiry), "expiry restarts");
        String newCode = Inbox.awaitCode(address, 2);

        if (!newCode.equals(oldCode)) {
            verify(tx, subject, oldCode).then().statusCode(200)
                    .body("outcome", equalTo("REJECTED"))
                    .body("remainingAttempts", equalTo(2));
        }
        assertEquals("ACCEPTED", outcome(tx, subject, newCode));
    }

    @Test
    void resendNeedsALiveChallengeOfTheSameSubject() {
        String tx = newTransactionId();
        String subject = newSubject();
        resend(tx, subject).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ccms:problem:challenge-not-found"));
        issue(tx, subject, newAddress()).then().statusCode(201);
        resend(tx, "someone.else").then().statusCode(404)
                .body("type", equalTo("urn:ccms:problem:challenge-not-found"));
    }

    @Test
    void hourlyCapCountsInitialCodesAndResends() {
        awaitNotNearHourEnd();
        String subject = newSubject();
        String address = newAddress();
        String first = newTransactionId();
        Response firstIssue = issue(first, subject, address);
        firstIssue.then().statusCode(201);
        for (int i = 2; i <= 10; i++) {
            issue(newTransactionId(), subject, address).then().statusCode(201);
        }
        issue(newTransactionId(), subject, address).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", hasSecondsAtMost(3600))
                .body("type", equalTo("urn:ccms:problem:otp-rate-limited"));

        Instant resendAvailableAt = Instant.parse(firstIssue.path("resendAvailableAt"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(resendAvailableAt));
        resend(first, subject).then().statusCode(429)
                .body("type", equalTo("urn:ccms:problem:otp-rate-limited"));
        assertEquals(10, Inbox.messages(address).size());

        issue(newTransactionId(), newSubject(), address).then().statusCode(201);
    }

    @Test
    void abandonEndsTheChallengeAndIsIdempotent() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        issue(tx, subject, address).then().statusCode(201);
        String code = Inbox.awaitCode(address, 1);

        abandon(tx).then().statusCode(204);
        abandon(tx).then().statusCode(204);
        assertEquals("EXPIRED", outcome(tx, subject, code));
    }

    @Test
    void countersAreExported() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        issue(tx, subject, address).then().statusCode(201);
        outcome(tx, subject, Inbox.awaitCode(address, 1));

        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ccms_otp_codes_issued_total{channel=\"EMAIL\",kind=\"initial\",purpose=\"LOGIN\"}"), metrics);
        assertTrue(metrics.contains("ccms_otp_codes_verified_total{outcome=\"ACCEPTED\"}"), metrics);
    }

    static String wrongCode(String code) {
        String wrong = code.substring(0, 5) + ((code.charAt(5) - '0' + 1) % 10);
        assertNotEquals(code, wrong);
        return wrong;
    }

    private static org.hamcrest.Matcher<String> hasSecondsAtMost(long max) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String value) {
                long seconds = Long.parseLong(value);
                return seconds >= 1 && seconds <= max;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("whole seconds between 1 and " + max);
            }
        };
    }

    /** The hourly window is a fixed clock hour: a test that spans its end would see the count reset. */
    private static void awaitNotNearHourEnd() {
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().getEpochSecond() % 3600 < 3600 - 15);
    }
}
