package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static hk.ccms.access.otp.OtpApi.issue;
import static hk.ccms.access.otp.OtpApi.issueBody;
import static hk.ccms.access.otp.OtpApi.newAddress;
import static hk.ccms.access.otp.OtpApi.newSubject;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static hk.ccms.access.otp.OtpApi.outcome;
import static hk.ccms.access.otp.OtpApi.resend;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A code stops working at the expiry the caller was told, not later; set-up codes live their own TTL. */
@QuarkusTest
@TestProfile(ExpiryTest.ShortTtl.class)
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ExpiryTest {

    public static class ShortTtl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccms.otp.ttl", "2s", "ccms.otp.setup-ttl", "4s", "ccms.otp.resend-interval", "1s");
        }
    }

    @Test
    void codeExpiresAtTheAnnouncedTime() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        Response issued = issue(tx, subject, address);
        issued.then().statusCode(201);
        Instant expiresAt = Instant.parse(issued.path("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expiresAt).compareTo(Duration.ofSeconds(2)) <= 0);
        String code = Inbox.awaitCode(address, 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiresAt));
        assertEquals("EXPIRED", outcome(tx, subject, code));
        resend(tx, subject).then().statusCode(404).body("type", equalTo("urn:ccms:problem:challenge-not-found"));
    }

    @Test
    void resendRestartsTheExpiry() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        Response issued = issue(tx, subject, address);
        issued.then().statusCode(201);
        Instant resendAvailableAt = Instant.parse(issued.path("resendAvailableAt"));
        Instant firstExpiry = Instant.parse(issued.path("expiresAt"));

        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(resendAvailableAt));
        Response resent = resend(tx, subject);
        resent.then().statusCode(200);
        String code = Inbox.awaitCode(address, 2);
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(firstExpiry));
        assertEquals("ACCEPTED", outcome(tx, subject, code), "the resent code lives past the first expiry");
    }

    @Test
    void setUpCodesLiveTheSetUpTtlAndLoginCodesTheLoginTtl() {
        String subject = newSubject();
        String loginTx = newTransactionId();
        String activationTx = newTransactionId();
        String proofTx = newTransactionId();
        String loginAddress = newAddress();
        String activationAddress = newAddress();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Response login = issue(loginTx, subject, loginAddress);
        Response activation = issue(purpose(issueBody(activationTx, subject, activationAddress), "ACTIVATION"));
        Response proof = issue(purpose(issueBody(proofTx, subject, newAddress()), "MOBILE_PROOF"));
        Instant after = Instant.now();
        login.then().statusCode(201);
        activation.then().statusCode(201);
        proof.then().statusCode(201);

        Instant loginExpiry = Instant.parse(login.path("expiresAt"));
        assertExpiresAfter(loginExpiry, before, after, Duration.ofSeconds(2));
        assertExpiresAfter(Instant.parse(activation.path("expiresAt")), before, after, Duration.ofSeconds(4));
        assertExpiresAfter(Instant.parse(proof.path("expiresAt")), before, after, Duration.ofSeconds(4));

        String loginCode = Inbox.awaitCode(loginAddress, 1);
        String activationCode = Inbox.awaitCode(activationAddress, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(loginExpiry));
        assertEquals("EXPIRED", outcome(loginTx, subject, loginCode));
        assertEquals("ACCEPTED", outcome(activationTx, subject, activationCode), "the set-up code outlives the login TTL");
    }

    @Test
    void resendRestartsASetUpCodeWithTheSetUpTtl() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        Response issued = issue(purpose(issueBody(tx, subject, address), "ACTIVATION"));
        issued.then().statusCode(201);
        Instant resendAvailableAt = Instant.parse(issued.path("resendAvailableAt"));

        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(resendAvailableAt));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Response resent = resend(tx, subject);
        Instant after = Instant.now();
        resent.then().statusCode(200);
        assertExpiresAfter(Instant.parse(resent.path("expiresAt")), before, after, Duration.ofSeconds(4));
        Instant loginTtlLater = after.plusSeconds(2);
        String code = Inbox.awaitCode(address, 2);
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(loginTtlLater));
        assertEquals("ACCEPTED", outcome(tx, subject, code), "the resent set-up code lives past the login TTL");
    }

    private static Map<String, Object> purpose(Map<String, Object> body, String purpose) {
        body.put("purpose", purpose);
        return body;
    }

    /** The server's clock read {@code ttl} before {@code expiresAt}, at some moment while the request was on its way. */
    private static void assertExpiresAfter(Instant expiresAt, Instant before, Instant after, Duration ttl) {
        assertTrue(!expiresAt.isBefore(before.plus(ttl)) && !expiresAt.isAfter(after.plus(ttl)),
                () -> "expiresAt " + expiresAt + " is not " + ttl + " after a moment in [" + before + ", " + after + "]");
    }
}
