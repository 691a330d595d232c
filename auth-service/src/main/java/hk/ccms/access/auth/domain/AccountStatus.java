package hk.ccms.access.auth.domain;

public enum AccountStatus {
    ACTIVE,
    /** Cannot log in; every live session was revoked when the account was disabled. */
    DISABLED
}
