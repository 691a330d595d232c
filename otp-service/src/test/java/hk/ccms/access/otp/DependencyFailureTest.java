package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
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
import java.util.Map;

import static hk.ccms.access.otp.OtpApi.issue;
import static hk.ccms.access.otp.OtpApi.newAddress;
import static hk.ccms.access.otp.OtpApi.newNotificationId;
import static hk.ccms.access.otp.OtpApi.notificationBody;
import static hk.ccms.access.otp.OtpApi.newSubject;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static hk.ccms.access.otp.OtpApi.outcome;
import static hk.ccms.access.otp.OtpApi.resend;
import static hk.ccms.access.otp.OtpApi.sendNotification;
import static hk.ccms.access.otp.OtpApi.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What callers see while SMTP or Redis is down, that nothing usable is left behind and nothing is recorded as sent that was not. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class DependencyFailureTest {

    @Inject
    RedisDataSource redis;

    @Test
    void smtpDownMeansNoCodeAndNoChallenge() {
        String tx = newTransactionId();
        String subject = newSubject();
        SmtpTestResource.server().stop();
        try {
            issue(tx, subject, newAddress()).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "30")
                    .body("type", equalTo("urn:ccms:problem:delivery-unavailable"));
            assertTrue(redis.hash(String.class).hgetall("otp:challenge:" + tx).isEmpty(), "no challenge left in Redis");
        } finally {
            SmtpTestResource.server().start();
        }
        assertEquals("EXPIRED", outcome(tx, subject, "123456"));
        String address = newAddress();
        issue(tx, subject, address).then().statusCode(201);
        assertEquals("ACCEPTED", outcome(tx, subject, Inbox.awaitCode(address, 1)), "the transaction can be retried");
    }

    @Test
    void smtpDownDuringResendKeepsThePreviousCode() {
        String tx = newTransactionId();
        String subject = newSubject();
        String address = newAddress();
        Response issued = issue(tx, subject, address);
        issued.then().statusCode(201);
        String code = Inbox.awaitCode(address, 1);
        Instant resendAvailableAt = Instant.parse(issued.path("resendAvailableAt"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(resendAvailableAt));

        SmtpTestResource.server().stop();
        try {
            resend(tx, subject).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "30")
                    .body("type", equalTo("urn:ccms:problem:delivery-unavailable"));
        } finally {
            SmtpTestResource.server().start();
        }
        assertEquals("ACCEPTED", outcome(tx, subject, code));
    }

    @Test
    void smtpDownLeavesTheNotificationUnsentSoThatTheRetrySendsItOnce() {
        String id = newNotificationId();
        String address = newAddress();
        Map<String, Object> body = notificationBody(id, "MOBILE_CHANGED", address, "+85291234567");
        SmtpTestResource.server().stop();
        try {
            sendNotification(body).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "30")
                    .body("type", equalTo("urn:ccms:problem:delivery-unavailable"));
            assertNull(redis.value(String.class).get("otp:notification:" + id), "nothing recorded, not even the claim");
        } finally {
            SmtpTestResource.server().start();
        }
        sendNotification(body).then().statusCode(202).body("status", equalTo("SENT"));
        sendNotification(body).then().statusCode(202).body("status", equalTo("ALREADY_SENT"));
        assertEquals(1, Inbox.messages(address).size(), "the retry sent exactly one message");
    }

    @Test
    void redisDownIsDependencyUnavailableAndNotReady() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String tx = newTransactionId();
        String subject = newSubject();
        String notificationId = newNotificationId();
        String notified = newAddress();
        RedisTestResource.server().stop();
        try {
            dependencyUnavailable(issue(tx, subject, newAddress()));
            dependencyUnavailable(verify(tx, subject, "123456"));
            dependencyUnavailable(resend(tx, subject));
            dependencyUnavailable(OtpApi.abandon(tx));
            dependencyUnavailable(sendNotification(notificationBody(notificationId, "PASSWORD_CHANGED", notified, null)));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                    .statusCode(503).body("status", equalTo("DOWN")));
        } finally {
            RedisTestResource.server().start();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(200).body("status", equalTo("UP")));
        String address = newAddress();
        issue(tx, subject, address).then().statusCode(201);
        assertEquals("ACCEPTED", outcome(tx, subject, Inbox.awaitCode(address, 1)), "works again once Redis is back");
        assertTrue(Inbox.messages(notified).isEmpty(), "no notification was sent while its id could not be claimed");
        sendNotification(notificationBody(notificationId, "PASSWORD_CHANGED", notified, null)).then().statusCode(202)
                .body("status", equalTo("SENT"));
        assertEquals(1, Inbox.messages(notified).size());
    }

    private static void dependencyUnavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:ccms:problem:dependency-unavailable"))
                .body(not(containsString("Exception")))
                .body(not(containsString("redis")));
    }
}
