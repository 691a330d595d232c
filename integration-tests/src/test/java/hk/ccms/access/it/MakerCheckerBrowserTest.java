package hk.ccms.access.it;

import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static hk.ccms.access.it.BrowserLogins.page;
import static hk.ccms.access.it.BrowserLogins.signIn;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DMS in a real browser, maker and checker: Delegated Administrator DAISY01 registers an e-mail address for
 * GRACE01, which waits for a second DA; she cannot approve it herself; DAVID01 approves it from the request queue
 * and the address takes effect.
 */
@ExtendWith(BrowserExtension.class)
class MakerCheckerBrowserTest {

    private static final String USER = "GRACE01";
    private static final String ROW = "#pending-requests tr[data-user-id='" + USER + "'][data-kind='EMAIL_CHANGE']";

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    @Test
    void anEmailRegistrationByOneDaTakesEffectOnlyWhenAnotherApprovesIt(Browser browser) {
        String email = "grace." + System.nanoTime() + "@cp0001.example";

        browser.open(page(pdc(), "/dms/"));
        browser.awaitText("login-otp-dms", "Login with OTP – Security Management Functions");
        browser.awaitText("login-smartcard-dms", "Login with Smartcard – Security Management Functions");
        browser.screenshot("dms-1-landing");

        signIn(browser, pdc(), "SECURITY_MANAGEMENT", "DAISY01", "daisy@cp0001.example");
        browser.awaitUrl("/dms/users.html");
        browser.awaitText("signed-in-user", "Signed in as DAISY01");
        WebElement userLink = browser.awaitCss("#users tr[data-user-id='" + USER + "'] a[href='/dms/user.html?userId=" + USER + "']");
        browser.screenshot("dms-2-users");
        userLink.click();
        browser.awaitUrl("/dms/user.html?userId=" + USER);
        browser.awaitText("detail-email", "Not registered");
        browser.type("email", email).click("email-submit");
        browser.awaitText("action-result", "waiting for a second Delegated Administrator");
        browser.screenshot("dms-3-waiting-for-checker");

        browser.open(page(pdc(), "/dms/requests.html"));
        WebElement own = browser.awaitCss(ROW);
        assertThat(own.getText()).contains("Waiting for another Delegated Administrator");
        assertThat(own.findElements(By.cssSelector("button.approve"))).as("the maker cannot approve").isEmpty();
        browser.click("logout");
        browser.awaitUrl("signedOut=done");

        signIn(browser, pdc(), "SECURITY_MANAGEMENT", "DAVID01", "david@cp0001.example");
        browser.awaitUrl("/dms/users.html");
        browser.awaitText("requests-link", "Requests waiting for approval:");
        browser.click("requests-link");
        browser.awaitUrl("/dms/requests.html");
        WebElement request = browser.awaitCss(ROW);
        assertThat(request.getText()).contains("DAISY01", email);
        browser.screenshot("dms-4-queue");
        request.findElement(By.cssSelector("button.approve")).click();
        browser.awaitText("action-result", "Approved for " + USER);
        browser.awaitText("action-result", "The change has taken effect.");
        browser.screenshot("dms-5-approved");

        browser.open(page(pdc(), "/dms/user.html?userId=" + USER));
        browser.awaitText("detail-email", email);
        browser.awaitText("detail-readiness", "Ready to set up 2FA");
        browser.assertNoConsoleErrors();
    }
}
