package hk.ccms.access.otp.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsTextTest {

    private static final Instant EXPIRY = Instant.parse("2026-03-02T06:05:00Z");

    @Test
    void carriesCodePurposeAndHongKongExpiryInBothLanguages() {
        assertEquals("Code 042424 to log in to CCMS, expires 14:05 HKT.\n驗證碼 042424，用於登入 CCMS，14:05 到期。",
                SmsText.of(new CodeMessage("+85291234567", "042424", Purpose.LOGIN, EXPIRY, Language.EN)));
        assertEquals("驗證碼 042424，用於登入 CCMS，14:05 到期。\nCode 042424 to log in to CCMS, expires 14:05 HKT.",
                SmsText.of(new CodeMessage("+85291234567", "042424", Purpose.LOGIN, EXPIRY, Language.ZH_HK)));
    }

    @Test
    void fitsTwoUcs2SegmentsForEveryPurposeAndTheLongestCode() {
        for (Purpose purpose : Purpose.values()) {
            String text = SmsText.of(new CodeMessage("+85291234567", "0123456789", purpose, EXPIRY, Language.EN));
            assertTrue(text.length() <= SmsText.MAX_LENGTH, () -> text.length() + ": " + text);
        }
    }
}
