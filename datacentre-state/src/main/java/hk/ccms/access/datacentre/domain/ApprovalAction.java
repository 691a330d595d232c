package hk.ccms.access.datacentre.domain;

/** The operator actions that wait for a second operator when two-person approval is on. */
public enum ApprovalAction {
    SWITCH_OVER,
    FAIL_OVER,
    OPEN_SESSION,
    CLOSE_SESSION,
    REAPPLY_QUARANTINE,
    DROP_QUARANTINE
}
