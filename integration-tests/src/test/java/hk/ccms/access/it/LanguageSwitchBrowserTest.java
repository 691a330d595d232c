package hk.ccms.access.it;

import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static hk.ccms.access.it.BrowserLogins.page;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;

/** English and Traditional Chinese: the switch in the header changes every text at once, and the choice is remembered. */
@ExtendWith(BrowserExtension.class)
class LanguageSwitchBrowserTest {

    @Test
    void thePagesSwitchToTraditionalChineseRememberItAndSwitchBack(Browser browser) {
        browser.open(page(pdc(), "/ccms/"));
        browser.awaitText("login-otp-online", "Login with OTP – Online Functions");
        assertThat(language(browser)).isEqualTo("en");

        browser.click("lang-switch");
        browser.awaitText("login-otp-online", "以一次性密碼登入 – 網上功能");
        browser.awaitText("login-otp-overnight", "以一次性密碼登入 – 隔夜報表下載");
        browser.awaitText("login-smartcard", "以聰明卡登入 – 網上功能及隔夜報表下載");
        browser.awaitText("lang-switch", "English");
        assertThat(language(browser)).isEqualTo("zh-Hant");
        browser.screenshot("language-1-ccms-landing-zh-hant");

        browser.open(page(pdc(), "/login.html?function=ONLINE_FUNCTIONS"));
        browser.awaitText("login-title", "以一次性密碼登入 – 網上功能");
        assertThat(browser.textOf("password-submit")).isEqualTo("繼續");
        assertThat(browser.all("label[for=userId]").get(0).getText()).isEqualTo("使用者編號");
        assertThat(language(browser)).as("remembered on the next page").isEqualTo("zh-Hant");
        browser.screenshot("language-2-login-zh-hant");

        browser.click("lang-switch");
        browser.awaitText("login-title", "Login with OTP – Online Functions");
        assertThat(browser.textOf("password-submit")).isEqualTo("Continue");
        assertThat(language(browser)).isEqualTo("en");
        browser.open(page(pdc(), "/ccms/"));
        browser.awaitText("login-otp-online", "Login with OTP – Online Functions");
        browser.assertNoConsoleErrors();
    }

    private static Object language(Browser browser) {
        return browser.script("return document.documentElement.lang");
    }
}
