package hk.ccms.access.it;

import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

import static hk.ccms.access.it.BrowserLogins.SESSION_COOKIE;
import static hk.ccms.access.it.BrowserLogins.awaitFunctionPage;
import static hk.ccms.access.it.BrowserLogins.enterCode;
import static hk.ccms.access.it.BrowserLogins.enterPassword;
import static hk.ccms.access.it.BrowserLogins.page;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.awaitCode;
import static hk.ccms.access.it.RunningDataCentre.mailCount;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login with OTP in a real browser against the primary data centre of the pair: the circular's CCMS entries,
 * user ID and password, the code read from the data centre's real mail server (a wrong one first), the function
 * page; the session lives only in an HttpOnly cookie; logging out ends it.
 */
@ExtendWith(BrowserExtension.class)
class OtpLoginBrowserTest {

    private static final String USER = "ALICE01";
    private static final String EMAIL = "alice@cp0001.example";

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    @Test
    void aPersonLogsInWithAMailedCodeHoldsTheSessionOnlyInAnHttpOnlyCookieAndLogsOut(Browser browser) {
        browser.open(page(pdc(), "/ccms/"));
        browser.awaitText("login-smartcard", "Login with Smartcard – Online Functions and Overnight Report Download");
        browser.awaitText("login-otp-online", "Login with OTP – Online Functions");
        browser.awaitText("login-otp-overnight", "Login with OTP – Overnight Report Download");
        browser.screenshot("otp-login-1-ccms-landing");

        browser.click("login-otp-online");
        browser.awaitUrl("/login.html?function=ONLINE_FUNCTIONS");
        browser.awaitText("login-title", "Login with OTP – Online Functions");
        browser.screenshot("otp-login-2-user-id-and-password");

        int before = mailCount(pdc(), EMAIL);
        assertThat(enterPassword(browser, USER, PASSWORD)).isEqualTo("a***e@cp0001.example");
        browser.awaitText("code-sent", "We sent a one-time password to a***e@cp0001.example");
        assertThat(browser.textOf("code-expiry")).matches("\\d+:\\d\\d");
        assertThat(browser.awaitVisible("resend").isEnabled()).as("no new code until the countdown ends").isFalse();
        browser.screenshot("otp-login-3-code");

        String code = awaitCode(pdc(), EMAIL, before);
        enterCode(browser, wrong(code));
        browser.awaitText("error", "The one-time password is not correct.");
        browser.screenshot("otp-login-4-wrong-code");

        enterCode(browser, code);
        awaitFunctionPage(browser, USER);
        browser.awaitText("function-title", "Online Functions");
        browser.awaitText("function-welcome", "You are signed in to CCMS Online Functions.");
        assertThat(browser.textOf("user")).isEqualTo(USER);
        assertThat(browser.textOf("participant")).isEqualTo("CP0001");
        assertThat(browser.textOf("methods")).isEqualTo("password + one-time password");
        browser.awaitText("data-centre", "PDC");
        assertThat(browser.isVisible("function-not-available")).isFalse();
        browser.screenshot("otp-login-5-online-functions");

        Cookie session = browser.cookie(SESSION_COOKIE);
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(session.isSecure()).as("Secure").isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(browser.currentUrl()).doesNotContain("eyJ");
        assertThat((String) browser.script("return document.cookie")).as("what page scripts can read").doesNotContain("eyJ");
        assertThat((String) browser.script("return JSON.stringify(Object.assign({}, window.localStorage))"))
                .as("localStorage").doesNotContain("eyJ");
        assertThat((String) browser.script("return JSON.stringify(Object.assign({}, window.sessionStorage))"))
                .as("sessionStorage").doesNotContain("eyJ");

        browser.click("logout");
        browser.awaitUrl("/login.html?function=ONLINE_FUNCTIONS");
        browser.awaitText("signed-out", "You have signed out.");
        browser.awaitVisible("userId");
        assertThat(browser.cookie(SESSION_COOKIE)).as("the session cookie after logout").isNull();
        browser.screenshot("otp-login-6-signed-out");

        browser.open(page(pdc(), "/ccms/function.html"));
        browser.awaitText("login-otp-online", "Login with OTP – Online Functions");
        assertThat(browser.currentUrl()).as("the function page sends a signed-out person to sign in")
                .doesNotContain("/ccms/function.html");
        browser.assertNoConsoleErrors();
    }

    /** A code of the same length that is certainly not {@code code}. */
    private static String wrong(String code) {
        char first = code.charAt(0);
        return (first == '9' ? '0' : (char) (first + 1)) + code.substring(1);
    }
}
