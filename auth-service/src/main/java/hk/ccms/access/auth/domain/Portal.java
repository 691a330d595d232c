package hk.ccms.access.auth.domain;

/** The portals a token can be for; the portal is the token's audience. */
public enum Portal {
    CCMS("ccms"),
    DMS("dms"),
    OPERATIONS("ccms-operations");

    private final String audience;

    Portal(String audience) {
        this.audience = audience;
    }

    public String audience() {
        return audience;
    }
}
