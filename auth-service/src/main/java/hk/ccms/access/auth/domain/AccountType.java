package hk.ccms.access.auth.domain;

public enum AccountType {
    /** A clearing participant's user of CCMS. */
    USER,
    /** A clearing participant's Delegated Administrator, who manages that participant's users in DMS. */
    DA,
    /** Clearing-house operations staff. */
    OPERATOR
}
