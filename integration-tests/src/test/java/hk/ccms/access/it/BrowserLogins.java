package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.it.browser.Browser;

/** What a person does on the sign-in pages of a data centre's auth-service, shared by the *BrowserTest classes. */
final class BrowserLogins {

    static final String SESSION_COOKIE = "__Host-ccms-session";

    private BrowserLogins() {
    }

    /** The address of {@code path} (e.g. "/ccms/") on {@code dc}'s auth-service, which serves the participant pages. */
    static String page(DataCentre dc, String path) {
        return dc.authUrl() + path;
    }

    /** On a login page: user ID and password; returns the masked destination the code page shows. */
    static String enterPassword(Browser browser, String userId, String password) {
        browser.type("userId", userId).type("password", password).click("password-submit");
        browser.awaitVisible("code-form");
        browser.awaitScript("the code page to show where the code went",
                "return document.getElementById('masked-destination').textContent.length > 0");
        return browser.textOf("masked-destination");
    }

    /** On the code page: the one-time password, then Sign in. */
    static void enterCode(Browser browser, String code) {
        browser.type("code", code).click("code-submit");
    }

    /** Waits for the CCMS function page of a signed-in {@code userId}. */
    static void awaitFunctionPage(Browser browser, String userId) {
        browser.awaitUrl("/ccms/function.html");
        browser.awaitText("signed-in-user", "Signed in as " + userId);
    }

    /**
     * Login with OTP to Online Functions at {@code dc} with the code that {@code dc}'s mail server received for
     * {@code email}; ends on the function page.
     */
    static void loginWithMailedCode(Browser browser, DataCentre dc, String userId, String email) {
        signIn(browser, dc, "ONLINE_FUNCTIONS", userId, email);
        awaitFunctionPage(browser, userId);
    }

    /**
     * Login with OTP to {@code function} on {@code dc}'s login page, the code read from {@code dc}'s mail server for
     * {@code email}; returns once the code is sent (the page then goes where the function lives).
     */
    static void signIn(Browser browser, DataCentre dc, String function, String userId, String email) {
        browser.open(page(dc, "/login.html?function=" + function));
        int before = RunningDataCentre.mailCount(dc, email);
        enterPassword(browser, userId, RunningDataCentre.PASSWORD);
        enterCode(browser, RunningDataCentre.awaitCode(dc, email, before));
    }
}
