package hk.ccms.access.it;

import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static hk.ccms.access.it.BrowserLogins.loginWithMailedCode;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.DataCentreOperations.operatorCall;
import static hk.ccms.access.it.DataCentreOperations.operatorToken;
import static hk.ccms.access.it.RunningDataCentre.emailOf;
import static hk.ccms.access.it.RunningDataCentre.loadUser;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circular's connectivity check: while an operator holds test Session 1 open at the primary, a person can
 * sign in, and the function page says "Function not available" instead of the business entry.
 */
@ExtendWith(BrowserExtension.class)
class FunctionNotAvailableBrowserTest {

    private static final String USER = loadUser(40);
    private String operator;

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    @Test
    void duringTestSessionOneTheFunctionPageSaysFunctionNotAvailable(Browser browser) {
        String token = operatorToken(pdc());
        operatorCall(pdc(), token, "/sessions/SESSION_1/open", Map.of("reason", "browser test: connectivity check"))
                .statusCode(200);
        operator = token;

        loginWithMailedCode(browser, pdc(), USER, emailOf(USER));
        browser.awaitText("function-not-available", "Function not available");
        browser.awaitText("function-title", "Online Functions");
        assertThat(browser.isVisible("function-content")).as("the business entry is not offered").isFalse();
        assertThat(browser.isVisible("error")).isFalse();
        browser.screenshot("function-not-available");
        browser.assertNoConsoleErrors();
    }

    /** The other tests of the pair expect production, so the session is closed whatever happened. */
    @AfterEach
    void closeTheSession() {
        if (operator != null) {
            operatorCall(pdc(), operator, "/sessions/close", Map.of("reason", "browser test over")).statusCode(200);
        }
    }
}
