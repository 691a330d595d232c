package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.infra.launcher.DataCentreSpec;
import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static hk.ccms.access.it.BrowserLogins.loginWithMailedCode;
import static hk.ccms.access.it.BrowserLogins.page;

/**
 * The idle timeout as a person meets it, on a data centre of its own whose sessions end after
 * {@link #IDLE_TIMEOUT} without a call (the other data centres of these tests keep the 10-minute default): a
 * warning with a countdown before, "Stay signed in" keeps the session, and when nobody answers the page signs out
 * and says why.
 */
@ExtendWith(BrowserExtension.class)
class IdleTimeoutBrowserTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UNTIL_WARNING = IDLE_TIMEOUT.plusSeconds(10);
    private static DataCentre dataCentre;

    @BeforeAll
    static void startADataCentreWithAShortIdleTimeout() {
        Map<String, String> environment = new HashMap<>(RunningDataCentre.TEST_ENVIRONMENT);
        environment.put("CCMS_AUTH_IDLE_TIMEOUT", "PT" + IDLE_TIMEOUT.toSeconds() + "S");
        dataCentre = DataCentre.start(DataCentreSpec.ephemeralPrimary(RunningDataCentre.projectRoot(), environment));
    }

    @AfterAll
    static void stop() {
        dataCentre.close();
    }

    @Test
    void aWarningComesBeforeTheIdleSignOutAndStayingSignedInKeepsTheSession(Browser browser) {
        loginWithMailedCode(browser, dataCentre, "ALICE01", "alice@cp0001.example");

        browser.awaitVisible("idle-warning", UNTIL_WARNING);
        browser.awaitText("idle-title", "Are you still there?");
        browser.awaitText("idle-text", "You will be signed out in");
        browser.screenshot("idle-warning");
        browser.click("idle-stay");
        browser.awaitScript("the warning to close", "return !document.getElementById('idle-warning').open");
        browser.awaitText("signed-in-user", "Signed in as ALICE01");

        browser.awaitVisible("idle-warning", UNTIL_WARNING);
        browser.awaitUrl("signedOut=idle");
        browser.awaitText("signed-out", "You were signed out because nothing happened for a while.");

        browser.open(page(dataCentre, "/ccms/function.html"));
        browser.awaitUrl("/ccms/?signedOut=expired");
        browser.awaitText("signed-out", "Your session has ended.");
        browser.assertNoConsoleErrors();
    }
}
