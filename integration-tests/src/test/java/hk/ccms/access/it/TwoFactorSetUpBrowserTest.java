package hk.ccms.access.it;

import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Objects;

import static hk.ccms.access.it.BrowserLogins.awaitFunctionPage;
import static hk.ccms.access.it.BrowserLogins.enterCode;
import static hk.ccms.access.it.BrowserLogins.enterPassword;
import static hk.ccms.access.it.BrowserLogins.page;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.Logins.call;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.awaitCode;
import static hk.ccms.access.it.RunningDataCentre.awaitSmsCode;
import static hk.ccms.access.it.RunningDataCentre.mailCount;
import static hk.ccms.access.it.RunningDataCentre.smsCount;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * First-time 2FA set-up in a real browser at the primary data centre: the activation code from the real mail
 * server, the password rules shown live while typing, SMS chosen and the mobile proven with the code from the
 * real SMPP server, then Login with OTP with the new password and an SMS code.
 * <p>
 * FIONA01 is the only demo account with an e-mail address that is not set up and not needed so by another test of
 * the pair; but DisasterEndToEndTest has her Delegated Administrator change her mobile, which a DA may not do once
 * it is her proven OTP channel. So afterwards her DAs reset her 2FA (maker and checker), as the demo seeds her.
 */
@ExtendWith(BrowserExtension.class)
class TwoFactorSetUpBrowserTest {

    private static final String USER = "FIONA01";
    private static final String EMAIL = "fiona@cp0001.example";
    private static final String MOBILE = "+85291230061";
    private static final String NEW_PASSWORD = "Kowloon-Ferry-Lantern-88";

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    @Test
    void aPersonSetsUpSmsOtpWithLiveRuleFeedbackAndLogsInWithAnSmsCode(Browser browser) {
        browser.open(page(pdc(), "/setup.html"));
        browser.awaitText("start-submit", "Send the activation code");
        browser.type("setup-userId", USER);
        browser.screenshot("setup-1-user-id");
        int mails = mailCount(pdc(), EMAIL);
        browser.click("start-submit");
        browser.awaitText("activation-destination", "f***a@cp0001.example");
        browser.screenshot("setup-2-activation-code");

        browser.type("activation-code", awaitCode(pdc(), EMAIL, mails)).click("activation-submit");
        browser.awaitVisible("new-password");
        assertThat(browser.textOf("complete-by")).endsWith("HKT");

        browser.type("new-password", "Fiona2023");
        browser.awaitScript("the server's rule check to come back", metRule("MAX_LENGTH"));
        assertThat(rules(browser, false)).as("rules not met by Fiona2023")
                .contains("At least 12 characters", "Does not contain your user ID, name or e-mail address",
                        "Both entries are the same");
        assertThat(rules(browser, true)).as("rules met by Fiona2023").contains("At most 128 characters", "No control characters");
        browser.screenshot("setup-3-weak-password");

        browser.type("new-password", NEW_PASSWORD).type("confirm-password", NEW_PASSWORD);
        browser.awaitScript("every rule met", "return document.querySelectorAll('#policy-rules li:not(.met)').length === 0");
        assertThat(rules(browser, true)).hasSize(6);
        browser.screenshot("setup-4-good-password");

        browser.click("channel-sms");
        browser.type("mobile", MOBILE);
        int sms = smsCount(pdc(), MOBILE);
        browser.click("mobile-send");
        browser.awaitText("status", "A code was sent by SMS to +852****0061.");
        browser.type("mobile-code", awaitSmsCode(pdc(), MOBILE, sms)).click("mobile-verify");
        browser.awaitText("mobile-proven", "Mobile number " + MOBILE + " proven.");
        browser.screenshot("setup-5-mobile-proven");

        browser.click("complete-submit");
        browser.awaitText("setup-done", "Two-factor authentication is set up");
        browser.awaitText("setup-done-text", "User FIONA01 will receive one-time passwords by SMS.");
        browser.screenshot("setup-6-done");

        browser.click("setup-login");
        browser.click("ccms-entry");
        browser.click("login-otp-online");
        sms = smsCount(pdc(), MOBILE);
        assertThat(enterPassword(browser, USER, NEW_PASSWORD)).isEqualTo("+852****0061");
        browser.screenshot("setup-7-sms-code");
        enterCode(browser, awaitSmsCode(pdc(), MOBILE, sms));
        awaitFunctionPage(browser, USER);
        browser.awaitText("function-title", "Online Functions");
        browser.screenshot("setup-8-signed-in");
        browser.assertNoConsoleErrors();
    }

    /** The texts of the password rules shown as met ({@code met}) or not. */
    private static List<String> rules(Browser browser, boolean met) {
        return browser.all("#policy-rules li").stream()
                .filter(rule -> List.of(Objects.toString(rule.getDomAttribute("class"), "").split("\\s+")).contains("met") == met)
                .map(WebElement::getText)
                .toList();
    }

    private static String metRule(String rule) {
        return "return document.querySelector('#policy-rules li[data-rule=" + rule + "]').classList.contains('met')";
    }

    /** Her DAs reset her 2FA (maker DAISY01, checker DAVID01) if she ended up set up. */
    @AfterEach
    void resetAsTheDemoSeedsHer() {
        String maker = fullLogin(pdc(), "DAISY01", PASSWORD, "SECURITY_MANAGEMENT", "daisy@cp0001.example");
        if (!"ENROLLED".equals(call(pdc(), "GET", "/api/v1/dms/users/" + USER, maker, null).statusCode(200)
                .extract().path("readiness"))) {
            return;
        }
        String checker = fullLogin(pdc(), "DAVID01", PASSWORD, "SECURITY_MANAGEMENT", "david@cp0001.example");
        long request = call(pdc(), "POST", "/api/v1/dms/users/" + USER + "/two-factor-reset", maker, null).statusCode(202)
                .extract().jsonPath().getLong("request.id");
        call(pdc(), "POST", "/api/v1/dms/requests/" + request + "/approval", checker, null).statusCode(200)
                .body("status", equalTo("APPROVED"));
    }
}
