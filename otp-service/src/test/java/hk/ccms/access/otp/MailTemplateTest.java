package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import hk.ccms.access.otp.client.EmailCodeDelivery;
import hk.ccms.access.otp.domain.Purpose;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML part (the inbox shows the text part) is well-formed and bilingual. */
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
}
