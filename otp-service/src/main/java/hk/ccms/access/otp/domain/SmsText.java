package hk.ccms.access.otp.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The text of a code SMS: the code, its purpose in words and the expiry in Hong Kong time, in
 * English and Traditional Chinese (the preferred language first), and nothing else. Chinese
 * needs UCS-2, where one segment holds 70 characters and a concatenated one 67, so the text is
 * kept within two segments ({@link #MAX_LENGTH}); the date is left out because a code lives
 * minutes, not days.
 */
public final class SmsText {

    /** Two concatenated UCS-2 segments. */
    public static final int MAX_LENGTH = 2 * 67;
    private static final DateTimeFormatter HONG_KONG_TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Asia/Hong_Kong"));

    private SmsText() {
    }

    public static String of(CodeMessage message) {
        String expiry = HONG_KONG_TIME.format(message.expiresAt());
        String english = "Code " + message.code() + " to " + message.purpose().english() + ", expires " + expiry + " HKT.";
        String chinese = "驗證碼 " + message.code() + "，用於" + message.purpose().chinese() + "，" + expiry + " 到期。";
        return message.language() == Language.ZH_HK ? chinese + "\n" + english : english + "\n" + chinese;
    }
}
