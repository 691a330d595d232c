package hk.ccms.access.otp.domain;

/**
 * What a notification tells the person changed, in both languages. A new address or number is
 * only ever shown masked: the message may go to an address the person no longer controls (the old
 * one), and it must not hand whoever reads it the full new contact details.
 */
public record AccountChange(NotificationKind kind, String english, String chinese) {

    /** A change that names no new value. */
    public static AccountChange of(NotificationKind kind) {
        return new AccountChange(kind, kind.english(), kind.chinese());
    }

    /** A change to a new e-mail address or mobile number, shown masked. */
    public static AccountChange to(NotificationKind kind, Destination newDestination) {
        String masked = newDestination.masked();
        return new AccountChange(kind, kind.english().formatted(masked), kind.chinese().formatted(masked));
    }

    /** A change to a new one-time-password channel, shown by name. */
    public static AccountChange to(NotificationKind kind, Channel newChannel) {
        return new AccountChange(kind, kind.english().formatted(newChannel.english()),
                kind.chinese().formatted(newChannel.chinese()));
    }
}
