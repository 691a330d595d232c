package hk.ccms.access.datacentre.domain;

/** Why a {@link StateChange} was recorded. */
public enum StateChangeKind {
    /** The service found no state and created the first one. */
    INITIALISED,
    /** An operator's planned switch-over: the target becomes active under a new epoch. */
    SWITCHED_OVER,
    /** An operator's disaster fail-over: the DC that records it takes a new epoch without its peer. */
    FAILED_OVER,
    /** An operator opened a configured session at the active DC. */
    SESSION_OPENED,
    /** An operator closed the open session; changes carry forward again. */
    SESSION_CLOSED
}
