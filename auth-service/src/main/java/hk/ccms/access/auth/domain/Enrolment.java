package hk.ccms.access.auth.domain;

public enum Enrolment {
    /** The person has not set up a 2FA password and OTP channel yet. */
    NOT_INITIATED,
    ENROLLED
}
