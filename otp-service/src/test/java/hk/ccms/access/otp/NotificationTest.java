package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static hk.ccms.access.otp.OtpApi.newAddress;
import static hk.ccms.access.otp.OtpApi.newNotificationId;
import static hk.ccms.access.otp.OtpApi.notificationBody;
import static hk.ccms.access.otp.OtpApi.sendNotification;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account-change notifications: what the mail says, and that one notification id sends one message. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class NotificationTest {

    private static final String WARNING_EN = "If you did not make or ask for this change, contact your Delegated Administrator"
            + " or HKFE Clearing Corporation Limited at once.";
    private static final String WARNING_ZH = "如你並未作出或要求此項變更，請立即聯絡你的授權管理員或香港期貨結算有限公司。";

    @Inject
    RedisDataSource redis;

    @Test
    void passwordChangeIsMailedInBothLanguagesWithHongKongTime() {
        String id = newNotificationId();
        String address = newAddress();
        sendNotification(notificationBody(id, "PASSWORD_CHANGED", address, null)).then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("notificationId", equalTo(id))
                .body("status", equalTo("SENT"));

        Map<String, Object> mail = Inbox.awaitMessage(address, 1);
        String text = (String) mail.get("text");
        assertEquals("CCMS account change 帳戶變更", mail.get("subject"));
        assertEquals("no-reply@ccms.local", mail.get("from"));
        assertTrue(text.contains("The password of your CCMS account was changed."), text);
        assertTrue(text.contains("你的 CCMS 帳戶密碼已被更改。"), text);
        assertTrue(text.contains("When: 2026-11-26 14:05 HKT"), text);
        assertTrue(text.contains("變更時間：香港時間 2026-11-26 14:05"), text);
        assertTrue(text.contains(WARNING_EN), text);
        assertTrue(text.contains(WARNING_ZH), text);
        assertTrue(text.indexOf("The password") < text.indexOf("你的 CCMS"), "English first by default");
        assertFalse(text.contains("ALICE01"), "no user id in the message");
        assertFalse(text.contains("cp0001"), "no address in the message");
        assertFalse(Pattern.compile("\\d{6}").matcher(text).find(), "nothing that looks like a code");
    }

    @Test
    void previousAddressIsToldTheNewOneOnlyMaskedAndChineseFirst() {
        String oldAddress = newAddress();
        String newLocal = "new" + UUID.randomUUID().toString().substring(0, 8);
        String newAddress = newLocal + "@cp0002.example";
        String masked = "n***" + newLocal.charAt(newLocal.length() - 1) + "@cp0002.example";
        Map<String, Object> body = notificationBody(newNotificationId(), "EMAIL_CHANGED_OLD_ADDRESS", oldAddress, newAddress);
        body.put("locale", "zh-HK");
        sendNotification(body).then().statusCode(202).body("status", equalTo("SENT"));

        String text = (String) Inbox.awaitMessage(oldAddress, 1).get("text");
        assertTrue(text.contains("你的 CCMS 帳戶的登記電郵地址已更改為 " + masked + "。"), text);
        assertTrue(text.contains("The registered e-mail address of your CCMS account was changed to " + masked + "."), text);
        assertTrue(text.indexOf("你的 CCMS") < text.indexOf("The registered"), "zh-HK puts Chinese first");
        assertFalse(text.contains(newLocal), "the new address is never shown in full: " + text);
        assertFalse(text.contains(oldAddress), text);
        assertTrue(Inbox.messages(newAddress).isEmpty(), "only the previous address was written to");
    }

    @Test
    void newAddressIsToldItIsNowRegistered() {
        String address = newAddress();
        sendNotification(notificationBody(newNotificationId(), "EMAIL_CHANGED_NEW_ADDRESS", address, null))
                .then().statusCode(202).body("status", equalTo("SENT"));

        String text = (String) Inbox.awaitMessage(address, 1).get("text");
        assertTrue(text.contains("This address is now the registered e-mail address of your CCMS account."), text);
        assertTrue(text.contains("此電郵地址現為你的 CCMS 帳戶的登記電郵地址。"), text);
        assertFalse(text.contains(address.substring(0, address.indexOf('@'))), text);
    }

    @Test
    void newMobileNumberIsShownMasked() {
        String address = newAddress();
        String mobile = SmsInbox.newMobile();
        String masked = "+852****" + mobile.substring(mobile.length() - 4);
        sendNotification(notificationBody(newNotificationId(), "MOBILE_CHANGED", address, mobile))
                .then().statusCode(202).body("status", equalTo("SENT"));

        String text = (String) Inbox.awaitMessage(address, 1).get("text");
        assertTrue(text.contains("The registered mobile number of your CCMS account was changed to " + masked + "."), text);
        assertTrue(text.contains("你的 CCMS 帳戶的登記手機號碼已更改為 " + masked + "。"), text);
        assertFalse(text.contains(mobile.substring(1)), "the full number is never shown: " + text);
        assertFalse(text.contains(mobile.substring(4, mobile.length() - 4)), "the hidden digits stay hidden: " + text);
    }

    @Test
    void channelChangesAndTwoFactorEventsAreWorded() {
        String address = newAddress();
        sendNotification(notificationBody(newNotificationId(), "OTP_CHANNEL_CHANGED", address, "SMS")).then().statusCode(202);
        String channel = (String) Inbox.awaitMessage(address, 1).get("text");
        assertTrue(channel.contains("One-time passwords for your CCMS account are now sent by SMS."), channel);
        assertTrue(channel.contains("你的 CCMS 帳戶的一次性密碼現改為以短訊發送。"), channel);

        sendNotification(notificationBody(newNotificationId(), "TWO_FACTOR_SET_UP", address, "EMAIL")).then().statusCode(202);
        String setUp = (String) Inbox.awaitMessage(address, 2).get("text");
        assertTrue(setUp.contains("Two-factor authentication was set up for your CCMS account; one-time passwords are sent by e-mail."), setUp);
        assertTrue(setUp.contains("你的 CCMS 帳戶已設定雙重身份驗證，一次性密碼會以電郵發送。"), setUp);

        sendNotification(notificationBody(newNotificationId(), "TWO_FACTOR_RESET", address, null)).then().statusCode(202);
        String reset = (String) Inbox.awaitMessage(address, 3).get("text");
        assertTrue(reset.contains("An administrator reset the two-factor authentication of your CCMS account."
                + " Set it up again when you next log in."), reset);
        assertTrue(reset.contains("管理員已重設你的 CCMS 帳戶的雙重身份驗證。請於下次登入時重新設定。"), reset);
        assertTrue(reset.contains(WARNING_EN) && reset.contains(WARNING_ZH), reset);
    }

    @Test
    void repeatedIdIsAlreadySentAndSendsNothing() {
        String id = newNotificationId();
        String address = newAddress();
        Map<String, Object> body = notificationBody(id, "PASSWORD_CHANGED", address, null);
        sendNotification(body).then().statusCode(202).body("status", equalTo("SENT"));
        Inbox.awaitMessage(address, 1);

        // A 202 is given only once the SMTP server holds the message, so a second send would already show.
        sendNotification(body).then().statusCode(202)
                .body("notificationId", equalTo(id))
                .body("status", equalTo("ALREADY_SENT"));
        sendNotification(body).then().statusCode(202).body("status", equalTo("ALREADY_SENT"));
        assertEquals(1, Inbox.messages(address).size(), "exactly one message");

        String key = "otp:notification:" + id;
        assertEquals("SENT", redis.value(String.class).get(key));
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > Duration.ofDays(7).minusMinutes(1).toSeconds() && ttl <= Duration.ofDays(7).toSeconds(),
                "kept for 7 days: " + ttl);
    }

    @Test
    void idHeldByAnotherRequestIsInProgress() {
        String id = newNotificationId();
        String address = newAddress();
        String key = "otp:notification:" + id;
        redis.value(String.class).setex(key, 30, "claim:another-request");

        sendNotification(notificationBody(id, "PASSWORD_CHANGED", address, null)).then().statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:ccms:problem:notification-in-progress"));
        assertTrue(Inbox.messages(address).isEmpty(), "nothing sent while another request holds the id");
        assertEquals("claim:another-request", redis.value(String.class).get(key), "the other request's claim is left alone");

        redis.key().del(key);
        sendNotification(notificationBody(id, "PASSWORD_CHANGED", address, null)).then().statusCode(202)
                .body("status", equalTo("SENT"));
        assertEquals(1, Inbox.messages(address).size());
    }

    @Test
    void concurrentDuplicatesSendOneMessage() throws Exception {
        String address = newAddress();
        Map<String, Object> body = notificationBody(newNotificationId(), "MOBILE_CHANGED", address, SmsInbox.newMobile());
        int requests = 6;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<String> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return sendNotification(body);
                }));
            }
            start.countDown();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                outcomes.add(response.statusCode() == 202 ? response.<String>path("status") : response.<String>path("type"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, outcomes.stream().filter("SENT"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.equals("SENT") || outcome.equals("ALREADY_SENT")
                || outcome.equals("urn:ccms:problem:notification-in-progress")), outcomes.toString());
        assertEquals(1, Inbox.messages(address).size(), "exactly one message");
    }

    @Test
    void sentNotificationsAreCountedByKind() {
        double before = sentCount("TWO_FACTOR_RESET");
        Map<String, Object> body = notificationBody(newNotificationId(), "TWO_FACTOR_RESET", newAddress(), null);
        sendNotification(body).then().statusCode(202).body("status", equalTo("SENT"));
        sendNotification(body).then().statusCode(202).body("status", equalTo("ALREADY_SENT"));
        assertEquals(before + 1, sentCount("TWO_FACTOR_RESET"), "counted once, the repeat sent nothing");
    }

    private static double sentCount(String kind) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^ccms_otp_notifications_sent_total\\{kind=\"" + kind + "\"} (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
