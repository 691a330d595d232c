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
import java.util.Map;

import static hk.ccms.access.otp.OtpApi.issue;
import static hk.ccms.access.otp.OtpApi.newAddress;
import static hk.ccms.access.otp.OtpApi.newSubject;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static hk.ccms.access.otp.OtpApi.outcome;
import static hk.ccms.access.otp.OtpApi.resend;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A code stops working at the expiry the caller was told, not later. */
@QuarkusTest
@TestProfile(ExpiryTest.ShortTtl.class)
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ExpiryTest {

    public static class ShortTtl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccms.otp.ttl", "2s", "ccms.otp.resend-interval", "1s");
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
}
