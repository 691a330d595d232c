package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static hk.ccms.access.it.BrowserLogins.enterCode;
import static hk.ccms.access.it.BrowserLogins.enterPassword;
import static hk.ccms.access.it.DataCentreOperations.OPERATOR;
import static hk.ccms.access.it.DataCentreOperations.OPERATOR_EMAIL;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.DataCentreOperations.operatorCall;
import static hk.ccms.access.it.DataCentreOperations.operatorToken;
import static hk.ccms.access.it.DataCentreOperations.state;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.awaitCode;
import static hk.ccms.access.it.RunningDataCentre.mailCount;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static hk.ccms.access.it.RunningDataCentrePair.sdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations console in a real browser: an operator opens the primary's console, is sent to sign in, sees
 * which data centre is active, switches over to the secondary with a reason and a confirmation, and switches back
 * from the secondary's console.
 */
@ExtendWith(BrowserExtension.class)
class OperatorConsoleBrowserTest {

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    @Test
    void anOperatorSwitchesOverToTheSecondaryAndBackWithAReasonAndAConfirmation(Browser browser) {
        signInToConsole(browser, pdc());
        browser.awaitText("active-dc", "PDC");
        browser.awaitText("this-dc", "PDC");
        browser.awaitText("pending-changes", "0");
        browser.screenshot("console-1-primary-active");

        browser.click("switch-over");
        browser.awaitText("action-reason-error", "Enter the reason for this action.");
        assertThat(browser.isVisible("confirm-dialog")).as("no action without a reason").isFalse();

        askToSwitchOver(browser, "browser test: planned switch-over to the secondary");
        assertThat(browser.textOf("confirm-text")).contains("SDC");
        browser.screenshot("console-2-confirm-switch-over");
        browser.click("confirm-action");
        browser.awaitText("active-dc", "SDC");
        browser.awaitScript("the console to report the switch-over done",
                "return document.getElementById('action-result').getAttribute('data-outcome') === 'done'");
        browser.awaitText("history", "browser test: planned switch-over to the secondary");
        browser.screenshot("console-3-secondary-active");
        awaitActive("SDC");

        signInToConsole(browser, sdc());
        browser.awaitText("this-dc", "SDC");
        browser.awaitText("active-dc", "SDC");
        askToSwitchOver(browser, "browser test: back to the primary");
        browser.click("confirm-action");
        browser.awaitText("active-dc", "PDC");
        awaitActive("PDC");
        browser.assertNoConsoleErrors();
    }

    /** A reason, then Switch over: the console asks for a confirmation. */
    private static void askToSwitchOver(Browser browser, String reason) {
        browser.type("action-reason", reason).click("switch-over");
        browser.awaitVisible("confirm-dialog");
    }

    /** Opens {@code dc}'s console; without a session there it sends the operator to sign in, then back. */
    private static void signInToConsole(Browser browser, DataCentre dc) {
        browser.open(dc.datacentreStateUrl() + "/console/");
        browser.awaitUrl(dc.authUrl() + "/login.html?function=OPERATIONS_CONSOLE");
        browser.awaitText("login-title", "Operator sign-in – Operations Console");
        int before = mailCount(dc, OPERATOR_EMAIL);
        enterPassword(browser, OPERATOR, PASSWORD);
        enterCode(browser, awaitCode(dc, OPERATOR_EMAIL, before));
        browser.awaitUrl(dc.datacentreStateUrl() + "/console/");
        browser.awaitText("signed-in-user", "Signed in as " + OPERATOR);
    }

    /** The other tests of the pair expect the primary active, so it is made so whatever happened. */
    @AfterEach
    void primaryActiveAgain() {
        if ("SDC".equals(state(sdc()).getString("state.activeDc"))) {
            operatorCall(sdc(), operatorToken(sdc()), "/switch-over", Map.of("targetDc", "PDC", "reason", "browser test clean-up"))
                    .statusCode(200);
        }
        awaitActive("PDC");
    }
}
