package hk.ccms.access.auth.domain;

/**
 * The login entries of the circular. A token is scoped to exactly one function, and each function
 * belongs to one portal and one kind of account.
 */
public enum PortalFunction {
    ONLINE_FUNCTIONS(Portal.CCMS, AccountType.USER),
    OVERNIGHT_REPORT_DOWNLOAD(Portal.CCMS, AccountType.USER),
    SECURITY_MANAGEMENT(Portal.DMS, AccountType.DA),
    OPERATIONS_CONSOLE(Portal.OPERATIONS, AccountType.OPERATOR);

    private final Portal portal;
    private final AccountType accountType;

    PortalFunction(Portal portal, AccountType accountType) {
        this.portal = portal;
        this.accountType = accountType;
    }

    public Portal portal() {
        return portal;
    }

    public AccountType accountType() {
        return accountType;
    }

    public boolean isAvailableTo(AccountType type) {
        return accountType == type;
    }
}
