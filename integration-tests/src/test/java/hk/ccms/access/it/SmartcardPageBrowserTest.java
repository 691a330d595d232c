package hk.ccms.access.it;

import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static hk.ccms.access.it.BrowserLogins.SESSION_COOKIE;
import static hk.ccms.access.it.BrowserLogins.page;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login with Smartcard from the CCMS landing page: the page is served over HTTPS so that the browser can present
 * the card in the TLS handshake. This browser has no card, so the service answers that none was presented and the
 * page says what to do; nobody is signed in.
 */
@ExtendWith(BrowserExtension.class)
class SmartcardPageBrowserTest {

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    @Test
    void withoutACardThePageExplainsWhatToDo(Browser browser) {
        browser.open(page(pdc(), "/ccms/"));
        browser.click("login-smartcard");
        browser.awaitUrl(pdc().authHttpsUrl() + "/ccms/smartcard.html");
        browser.awaitText("smartcard-title", "Login with Smartcard – Online Functions and Overnight Report Download");
        assertThat(browser.isVisible("not-https")).isFalse();

        browser.type("userId", "ALICE01").type("password", PASSWORD).click("smartcard-submit");
        browser.awaitText("error", "No smartcard was presented.");
        browser.awaitText("no-card-help", "Insert your CCMS smartcard in the card reader.");
        assertThat(browser.cookie(SESSION_COOKIE)).as("nobody is signed in").isNull();
        browser.screenshot("smartcard-no-card");
        browser.assertNoConsoleErrors();
    }
}
