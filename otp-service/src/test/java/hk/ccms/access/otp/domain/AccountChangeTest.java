package hk.ccms.access.otp.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountChangeTest {

    @Test
    void newAddressesAndNumbersAreWordedMaskedInBothLanguages() {
        AccountChange email = AccountChange.to(NotificationKind.EMAIL_CHANGED_OLD_ADDRESS,
                EmailAddress.parse("bob.wong@CP0002.example").orElseThrow());
        assertEquals("The registered e-mail address of your CCMS account was changed to b***g@cp0002.example.", email.english());
        assertEquals("你的 CCMS 帳戶的登記電郵地址已更改為 b***g@cp0002.example。", email.chinese());

        AccountChange mobile = AccountChange.to(NotificationKind.MOBILE_CHANGED, MobileNumber.parse("+85291234567").orElseThrow());
        assertTrue(mobile.english().contains("+852****4567"), mobile.english());
        assertFalse(mobile.english().contains("9123") || mobile.chinese().contains("9123"), mobile.toString());
    }

    @Test
    void channelsAreNamedInEachLanguage() {
        AccountChange sms = AccountChange.to(NotificationKind.OTP_CHANNEL_CHANGED, Channel.SMS);
        assertEquals("One-time passwords for your CCMS account are now sent by SMS.", sms.english());
        assertEquals("你的 CCMS 帳戶的一次性密碼現改為以短訊發送。", sms.chinese());
        assertTrue(AccountChange.to(NotificationKind.TWO_FACTOR_SET_UP, Channel.EMAIL).chinese().contains("以電郵發送"));
    }

    @Test
    void everyKindIsWordedWithoutPlaceholdersLeft() {
        MobileNumber number = MobileNumber.parse("+85291234567").orElseThrow();
        EmailAddress address = EmailAddress.parse("carol@cp0003.example").orElseThrow();
        for (NotificationKind kind : NotificationKind.values()) {
            AccountChange change = switch (kind.changedTo()) {
                case NOTHING -> AccountChange.of(kind);
                case EMAIL_ADDRESS -> AccountChange.to(kind, address);
                case MOBILE_NUMBER -> AccountChange.to(kind, number);
                case CHANNEL -> AccountChange.to(kind, Channel.EMAIL);
            };
            assertFalse(change.english().contains("%") || change.chinese().contains("%"), change.toString());
            assertTrue(change.english().contains("CCMS") && change.chinese().contains("CCMS"), change.toString());
        }
    }
}
