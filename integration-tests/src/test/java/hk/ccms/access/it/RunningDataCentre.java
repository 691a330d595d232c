package hk.ccms.access.it;

import hk.ccms.access.infra.MailMessage;
import hk.ccms.access.infra.SmsMessage;
import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.infra.launcher.DataCentreSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole data centre (real servers, three service processes) shared by the tests of this
 * JVM: starting it costs seconds, so it is started once and stopped when the JVM exits.
 */
final class RunningDataCentre {

    /** Accounts LOAD00001… are enrolled with e-mail OTP; tests take distinct ones so they cannot interfere. */
    static final int LOAD_USERS = 60;
    /** The documented demo accounts (README) and the load users. */
    static final int DEMO_ACCOUNTS = 11 + LOAD_USERS;
    static final String PASSWORD = "Harbour-View-2023";
    static final Duration LOCKOUT = Duration.ofSeconds(3);

    /**
     * Load users, a lockout a test can wait out, and notification retries a test need not wait long
     * for. The suite signs OPS01 in at the primary more often than the default ten codes per clock
     * hour allow, so the hourly cap is lifted here; otp-service's {@code ChallengeLifecycleTest}
     * covers it, and the resend interval, which {@code OtpLoginEndToEndTest} checks, stays as it is.
     */
    static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "CCMS_AUTH_DEMO_LOAD_USERS", Integer.toString(LOAD_USERS),
            "CCMS_AUTH_LOCKOUT_DURATION", "PT" + LOCKOUT.toSeconds() + "S",
            "CCMS_AUTH_NOTIFICATION_RETRY_MIN", "PT1S",
            "CCMS_AUTH_NOTIFICATION_RETRY_MAX", "PT2S",
            "CCMS_OTP_MAX_CODES_PER_HOUR", "1000");

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6,10})(?![0-9])");
    private static DataCentre primary;

    private RunningDataCentre() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("ccms.project.root", "..")).toAbsolutePath().normalize();
    }

    static synchronized DataCentre primary() {
        if (primary == null) {
            primary = DataCentre.start(DataCentreSpec.ephemeralPrimary(projectRoot(), TEST_ENVIRONMENT));
            Runtime.getRuntime().addShutdownHook(new Thread(primary::close));
        }
        return primary;
    }

    static String loadUser(int number) {
        return "LOAD%05d".formatted(number);
    }

    static String emailOf(String userId) {
        return userId.toLowerCase() + "@load.example";
    }

    static int mailCount(String address) {
        return mailCount(primary(), address);
    }

    static int mailCount(DataCentre dc, String address) {
        return dc.smtp().messages(address).size();
    }

    /** Waits for the mail after the first {@code alreadyThere} ones and returns the code in it. */
    static String awaitCode(String address, int alreadyThere) {
        return awaitCode(primary(), address, alreadyThere);
    }

    /**
     * Waits for a mail with a code among those {@code dc} sends after the first {@code alreadyThere}
     * ones and returns the code: an account-change e-mail may arrive in between.
     */
    static String awaitCode(DataCentre dc, String address, int alreadyThere) {
        return codeIn(awaitMessage(() -> dc.smtp().messages(address).stream().map(MailMessage::text).toList(),
                alreadyThere, address, text -> CODE.matcher(text).find()));
    }

    static int smsCount(String mobile) {
        return smsCount(primary(), mobile);
    }

    static int smsCount(DataCentre dc, String mobile) {
        return dc.smsc().messages(mobile).size();
    }

    /** Waits for the SMS after the first {@code alreadyThere} ones and returns the code in it. */
    static String awaitSmsCode(String mobile, int alreadyThere) {
        return awaitSmsCode(primary(), mobile, alreadyThere);
    }

    /** Waits for the SMS {@code dc} sends after the first {@code alreadyThere} ones and returns the code in it. */
    static String awaitSmsCode(DataCentre dc, String mobile, int alreadyThere) {
        return codeIn(awaitMessage(() -> dc.smsc().messages(mobile).stream().map(SmsMessage::text).toList(),
                alreadyThere, mobile, text -> true));
    }

    /** Waits for the mail after the first {@code alreadyThere} ones and returns its text. */
    static String awaitMail(String address, int alreadyThere) {
        return awaitMail(primary(), address, alreadyThere);
    }

    /** Waits for the mail {@code dc} sends after the first {@code alreadyThere} ones and returns its text. */
    static String awaitMail(DataCentre dc, String address, int alreadyThere) {
        return awaitMessage(() -> dc.smtp().messages(address).stream().map(MailMessage::text).toList(),
                alreadyThere, address, text -> true);
    }

    /** The latest of the messages after the first {@code alreadyThere} that is {@code wanted}, once there is one. */
    private static String awaitMessage(Supplier<List<String>> inbox, int alreadyThere, String destination, Predicate<String> wanted) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<String> messages = inbox.get();
            for (int i = messages.size() - 1; i >= alreadyThere; i--) {
                if (wanted.test(messages.get(i))) {
                    return messages.get(i);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No message reached " + destination);
    }

    private static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No code in the message: " + text);
        }
        return matcher.group(1);
    }
}
