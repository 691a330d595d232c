package hk.ccms.access.auth.domain;

public enum AuditAction {
    LOGIN_PASSWORD_STEP,
    LOGIN_CODE_STEP,
    LOGIN_CODE_RESENT,
    ACCOUNT_LOCKED,
    LOGOUT,
    PASSWORD_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED
}
