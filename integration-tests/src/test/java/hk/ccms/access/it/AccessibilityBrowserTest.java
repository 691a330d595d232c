package hk.ccms.access.it;

import hk.ccms.access.it.browser.Browser;
import hk.ccms.access.it.browser.BrowserExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

import java.util.List;

import static hk.ccms.access.it.BrowserLogins.page;
import static hk.ccms.access.it.DataCentreOperations.awaitActive;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person with a screen reader or without a mouse needs, checked on every page one can open without signing
 * in: the page's language, one main heading, a name for every field and button, a way to skip to the content;
 * and a sign-in made with the keyboard alone.
 */
@ExtendWith(BrowserExtension.class)
class AccessibilityBrowserTest {

    private static final List<String> PAGES = List.of("/", "/ccms/", "/dms/", "/login.html?function=ONLINE_FUNCTIONS",
            "/setup.html", "/ccms/smartcard.html");

    /** Every problem of the page, as text; empty when there is none. */
    private static final String PROBLEMS = """
            const problems = [];
            if (!document.documentElement.lang) problems.push('no language on <html>');
            if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one <h1>');
            if (!document.querySelector('a.skip-link[href="#main"]') || !document.getElementById('main')) problems.push('no skip link to #main');
            document.querySelectorAll('input, select, textarea').forEach(field => {
              if (field.type === 'hidden') return;
              const named = (field.labels && field.labels.length > 0 && field.labels[0].textContent.trim())
                  || field.getAttribute('aria-label');
              if (!named) problems.push('field without a label: #' + field.id);
            });
            document.querySelectorAll('button, a[href]').forEach(control => {
              const named = control.textContent.trim() || control.getAttribute('aria-label');
              if (!named && control.offsetParent !== null) problems.push('control without a name: ' + control.outerHTML.slice(0, 80));
            });
            return problems.join('; ');""";

    @BeforeEach
    void productionAtThePrimary() {
        awaitActive("PDC");
    }

    @Test
    void everyPageNamesItsLanguageHeadingFieldsAndButtons(Browser browser) {
        for (String path : PAGES) {
            browser.open(page(pdc(), path));
            browser.awaitScript("the page " + path + " to be translated", "return document.title.indexOf(' – ') > 0");
            assertThat(browser.script(PROBLEMS)).as(path).isEqualTo("");
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void thePasswordStepCanBeDoneWithTheKeyboardAlone(Browser browser) {
        browser.open(page(pdc(), "/login.html?function=ONLINE_FUNCTIONS"));
        browser.awaitText("login-title", "Login with OTP – Online Functions");
        browser.keys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.className")).as("the first stop skips to the content")
                .isEqualTo("skip-link");
        browser.script("document.getElementById('userId').focus()");
        browser.keys("ALICE01", Keys.TAB, PASSWORD, Keys.ENTER);
        browser.awaitText("code-sent", "We sent a one-time password to");
        assertThat(browser.script("return document.activeElement.id")).as("the focus moves to the code").isEqualTo("code");
        browser.assertNoConsoleErrors();
    }
}
