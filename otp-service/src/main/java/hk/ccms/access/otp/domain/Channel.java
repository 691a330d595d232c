package hk.ccms.access.otp.domain;

/** Where a code is sent. */
public enum Channel {
    EMAIL,
    /** Part of the contract already; no delivery exists for it yet, so it is refused with {@code channel-not-available}. */
    SMS
}
