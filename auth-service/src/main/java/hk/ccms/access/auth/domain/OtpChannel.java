package hk.ccms.access.auth.domain;

public enum OtpChannel {
    EMAIL,
    SMS
}
