package hk.ccms.access.it;

import hk.ccms.access.infra.MailMessage;
import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.infra.launcher.DataCentreSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole data centre (real servers, three service processes) shared by the tests of this
 * JVM: starting it costs seconds, so it is started once and stopped when the JVM exits.
 */
final class RunningDataCentre {

    /** Accounts LOAD00001… are enrolled with e-mail OTP; tests take distinct ones so they cannot interfere. */
    static final int LOAD_USERS = 60;
    static final String PASSWORD = "Harbour-View-2023";
    static final Duration LOCKOUT = Duration.ofSeconds(3);

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6,10})(?![0-9])");
    private static DataCentre primary;

    private RunningDataCentre() {
    }

    static synchronized DataCentre primary() {
        if (primary == null) {
            Path root = Path.of(System.getProperty("ccms.project.root", "..")).toAbsolutePath().normalize();
            primary = DataCentre.start(DataCentreSpec.ephemeralPrimary(root, Map.of(
                    "CCMS_AUTH_DEMO_LOAD_USERS", Integer.toString(LOAD_USERS),
                    "CCMS_AUTH_LOCKOUT_DURATION", "PT" + LOCKOUT.toSeconds() + "S")));
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
        return primary().smtp().messages(address).size();
    }

    /** Waits for the mail after the first {@code alreadyThere} ones and returns the code in it. */
    static String awaitCode(String address, int alreadyThere) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<MailMessage> messages = primary().smtp().messages(address);
            if (messages.size() > alreadyThere) {
                Matcher matcher = CODE.matcher(messages.get(messages.size() - 1).text());
                if (matcher.find()) {
                    return matcher.group(1);
                }
                throw new AssertionError("No code in the mail: " + messages.get(messages.size() - 1).text());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No mail reached " + address);
    }
}
