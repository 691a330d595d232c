package hk.ccms.access.otp.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mobile number in E.164: {@code +}, then 8 to 15 digits, the first not 0. Only that form is
 * accepted (no spaces, dashes or national forms): auth-service stores numbers in E.164, and one
 * form means one rule for what reaches the SMSC.
 */
public final class MobileNumber implements Destination {

    /** What a caller is told when {@link #parse} refuses a number. */
    public static final String RULE = "must be a mobile number in E.164: + and 8 to 15 digits, the first not 0";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final int SHOWN_TAIL = 4;
    /** At least this many digits stay hidden, so a short number is not shown almost whole. */
    private static final int MIN_HIDDEN = 4;

    private final String digits;

    private MobileNumber(String digits) {
        this.digits = digits;
    }

    public static Optional<MobileNumber> parse(String text) {
        if (text == null || !E164.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new MobileNumber(text.substring(1)));
    }

    /** The digits without {@code +}, as SMPP carries an international number. */
    public String digits() {
        return digits;
    }

    /** Up to the first three digits and the last four, e.g. {@code +852****5678}. */
    @Override
    public String masked() {
        int head = Math.max(0, Math.min(3, digits.length() - SHOWN_TAIL - MIN_HIDDEN));
        return "+" + digits.substring(0, head) + "****" + digits.substring(digits.length() - SHOWN_TAIL);
    }

    @Override
    public String toString() {
        return "+" + digits;
    }
}
