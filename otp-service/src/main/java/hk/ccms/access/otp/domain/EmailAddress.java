package hk.ccms.access.otp.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mailbox address in the plain {@code dot-atom@domain} form that registered CCMS addresses
 * use. Quoted local parts, IP literals, comments and anything with whitespace or control
 * characters are refused: they are never needed here and only widen what reaches the SMTP header.
 */
public final class EmailAddress implements Destination {

    public static final int MAX_LENGTH = 254;
    /** What a caller is told when {@link #parse} refuses an address. */
    public static final String RULE = "must be a plain e-mail address of at most " + MAX_LENGTH + " characters";
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private final String local;
    private final String domain;

    private EmailAddress(String local, String domain) {
        this.local = local;
        this.domain = domain;
    }

    public static Optional<EmailAddress> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL_LENGTH) {
            return Optional.empty();
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local, domain.toLowerCase(Locale.ROOT)));
    }

    /** First and last character of the local part, e.g. {@code a***e@cp0001.example}. */
    @Override
    public String masked() {
        String last = local.length() > 1 ? local.substring(local.length() - 1) : "";
        return local.charAt(0) + "***" + last + "@" + domain;
    }

    @Override
    public String toString() {
        return local + "@" + domain;
    }
}
