package hk.ccms.access.datacentre.domain;

/** What the active data centre is doing (see DESIGN §4). */
public enum DataCentreMode {
    /** Production at the primary; changes replicate to the standby. */
    NORMAL,
    /** A connectivity-test session; business functions answer "Function not available". */
    TEST_SESSION,
    /** Production at the secondary after losing the primary; changes replicate back on fail-back. */
    DISASTER_FAILOVER
}
