package hk.ccms.access.otp.domain;

/** Where a code is sent. */
public enum Channel {
    EMAIL,
    /** Over SMPP to the SMSC; refused with {@code channel-not-available} where SMS is switched off. */
    SMS
}
