package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import hk.ccms.access.otp.client.AccountChangeMail;
import hk.ccms.access.otp.client.EmailCodeDelivery;
import hk.ccms.access.otp.domain.AccountChange;
import hk.ccms.access.otp.domain.MobileNumber;
import hk.ccms.access.otp.domain.NotificationKind;
import hk.ccms.access.otp.domain.Purpose;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML parts (the inbox shows the text part) are well-formed and bilingual. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class MailTemplateTest {

    @Inject
    Engine engine;

    @Test
    void htmlPartCarriesBothLanguagesUnescaped() {
        String html = engine.getTemplate("EmailCodeDelivery/otpCode.html")
                .data("mail", new EmailCodeDelivery.CodeMail("042917", Purpose.ACTIVATION, "2026-06-10 18:05:00", false))
                .render();
        assertTrue(html.contains("<section lang=\"en\">"), html);
        assertTrue(html.contains("<section lang=\"zh-HK\">"), html);
        assertFalse(html.contains("&lt;"), "sections must not be escaped: " + html);
        assertTrue(html.contains(">042917<"), html);
        assertTrue(html.contains("set up two-factor authentication for CCMS"), html);
        assertTrue(html.contains("設定 CCMS 雙重身份驗證"), html);
        assertTrue(html.contains("2026-06-10 18:05:00 Hong Kong time"), html);
        assertTrue(html.contains("香港時間 2026-06-10 18:05:00"), html);
    }

    @Test
    void accountChangeHtmlIsBilingualAndShowsTheNewNumberMasked() {
        AccountChange change = AccountChange.to(NotificationKind.MOBILE_CHANGED, MobileNumber.parse("+85291234567").orElseThrow());
        String html = engine.getTemplate("AccountChangeMail/accountChange.html")
                .data("mail", new AccountChangeMail.ChangeMail(change, "2026-11-26 14:05", true))
                .render();
        assertTrue(html.contains("<title>CCMS account change 帳戶變更</title>"), html);
        assertTrue(html.indexOf("<section lang=\"zh-HK\">") < html.indexOf("<section lang=\"en\">"), "zh-HK first: " + html);
        assertFalse(html.contains("&lt;"), "sections must not be escaped: " + html);
        assertTrue(html.contains("<p>The registered mobile number of your CCMS account was changed to +852****4567.</p>"), html);
        assertTrue(html.contains("<p>你的 CCMS 帳戶的登記手機號碼已更改為 +852****4567。</p>"), html);
        assertTrue(html.contains("When: 2026-11-26 14:05 HKT"), html);
        assertTrue(html.contains("變更時間：香港時間 2026-11-26 14:05"), html);
        assertTrue(html.contains("contact your Delegated Administrator or HKFE Clearing Corporation Limited at once"), html);
        assertFalse(html.contains("91234567"), "never the full number: " + html);
    }
}
