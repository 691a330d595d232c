package hk.ccms.access.otp;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Reads what the real SMPP server (SMSC peer) received, through the developer inbox's HTTP API. */
public final class SmsInbox {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6,10})(?![0-9])");

    private SmsInbox() {
    }

    /** A random Hong Kong mobile number in E.164, so that each test reads only its own messages. */
    public static String newMobile() {
        return "+8529" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
    }

    public static List<Map<String, Object>> messages(String mobile) {
        String inbox = ConfigProvider.getConfig().getValue("ccms.test.sms-inbox-url", String.class);
        return RestAssured.given().urlEncodingEnabled(false).get(inbox + "/api/sms?to=" + mobile.replace("+", "%2B"))
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until {@code mobile} has received {@code count} messages and returns the last one. */
    public static Map<String, Object> awaitMessage(String mobile, int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> messages(mobile).size() >= count);
        return messages(mobile).get(count - 1);
    }

    /** The code in an SMS text: the one number of 6 to 10 digits in it (both languages carry the same one). */
    public static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No code in the SMS: " + text);
        }
        return matcher.group(1);
    }
}
