package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmscTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static hk.ccms.access.otp.OtpApi.issue;
import static hk.ccms.access.otp.OtpApi.issueBody;
import static hk.ccms.access.otp.OtpApi.newSubject;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static hk.ccms.access.otp.OtpApi.outcome;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With SMS switched off by configuration, SMS is refused rather than faked. */
@QuarkusTest
@TestProfile(SmsSwitchedOffTest.SmsOff.class)
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(SmscTestResource.class)
class SmsSwitchedOffTest {

    public static class SmsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccms.otp.sms.enabled", "false");
        }
    }

    @Test
    void smsIsChannelNotAvailable() {
        String tx = newTransactionId();
        String subject = newSubject();
        String mobile = SmsInbox.newMobile();
        Map<String, Object> body = issueBody(tx, subject, mobile);
        body.put("channel", "SMS");
        issue(body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ccms:problem:channel-not-available"));
        assertEquals("EXPIRED", outcome(tx, subject, "123456"), "no challenge was created");
        assertTrue(SmsInbox.messages(mobile).isEmpty());
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'smpp-session' }.data.state", equalTo("DISABLED"));
    }
}
