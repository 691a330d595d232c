package hk.ccms.access.it;

import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static hk.ccms.access.it.BrowserLogins.SESSION_COOKIE;
import static hk.ccms.access.it.BrowserLogins.awaitFunctionPage;
import static hk.ccms.access.it.BrowserLogins.page;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login with Smartcard as a participant does it: the browser holds ALICE01's demo card (its key and chain in the
 * browser's certificate store, where a card's PKCS#11 module shows them) and presents it as TLS client certificate
 * when the smartcard page's HTTPS connection is made; with her User ID and password the page signs her in.
 * {@link SmartcardPageBrowserTest} is the same page in a browser without a card.
 */
@ExtendWith(BrowserExtension.class)
class SmartcardBrowserTest implements BrowserExtension.Starter {

    private static final String USER = "ALICE01";

    @Override
    public Browser startBrowser() {
        Card card = Card.read(pdc().pki().cards(), USER);
        return Browser.withClientCertificate(card.privateKey(), card.chain(), pdc().authHttpsUrl());
    }

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    /**
     * Chromium sends the chain only up to a CA that the server's certificate request names, and the HTTPS port names
     * the card CA: the card arrives alone, and auth-service completes the path from its configured intermediates.
     */
    @Test
    void theCardWithUserIdAndPasswordSignsIn(Browser browser) {
        browser.open(page(pdc(), "/ccms/"));
        browser.click("login-smartcard");
        browser.awaitUrl(pdc().authHttpsUrl() + "/ccms/smartcard.html");

        browser.type("userId", USER).type("password", PASSWORD).click("smartcard-submit");
        awaitFunctionPage(browser, USER);
        browser.awaitText("methods", "password + smartcard");
        assertThat(browser.cookie(SESSION_COOKIE)).as("the session is the browser's cookie").isNotNull();
        browser.screenshot("smartcard-signed-in");
        browser.assertNoConsoleErrors();
    }
}
