package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every code goes out on a new SMTP connection (no keep-alive), which is where Vert.x mail lost the
 * server greeting when a send started on a worker thread (about 4 % of sends failed). With the
 * send started on the event loop none may fail.
 */
@QuarkusTest
@TestProfile(NewSmtpConnectionTest.NoKeepAlive.class)
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class NewSmtpConnectionTest {

    private static final int SENDS = 100;

    public static class NoKeepAlive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.keep-alive", "false",
                    "ccms.otp.max-codes-per-hour", Integer.toString(SENDS),
                    "ccms.otp.mail.send-timeout", "3s");
        }
    }

    @Test
    void everySendOnAFreshConnectionIsDelivered() {
        String subject = OtpApi.newSubject();
        int delivered = 0;
        for (int i = 0; i < SENDS; i++) {
            if (OtpApi.issue(OtpApi.newTransactionId(), subject, OtpApi.newAddress()).statusCode() == 201) {
                delivered++;
            }
        }
        assertEquals(SENDS, delivered);
    }
}
