package hk.ccms.access.otp;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Reads what the real SMTP server received, through the developer inbox's HTTP API. */
public final class Inbox {

    /** The code stands alone on an indented line of the plain-text part. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^ {4}(\\d{6,10})\\s*$");

    private Inbox() {
    }

    public static List<Map<String, Object>> messages(String address) {
        String inbox = ConfigProvider.getConfig().getValue("ccms.test.inbox-url", String.class);
        return RestAssured.given().queryParam("to", address).get(inbox + "/api/mail")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until {@code address} has received {@code count} messages and returns the last one. */
    public static Map<String, Object> awaitMessage(String address, int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> messages(address).size() >= count);
        List<Map<String, Object>> messages = messages(address);
        return messages.get(count - 1);
    }

    /** The code in the {@code count}-th message sent to {@code address}. */
    public static String awaitCode(String address, int count) {
        return code((String) awaitMessage(address, count).get("text"));
    }

    public static String code(String text) {
        Matcher matcher = CODE_LINE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No code line in the message: " + text);
        }
        return matcher.group(1);
    }

}
