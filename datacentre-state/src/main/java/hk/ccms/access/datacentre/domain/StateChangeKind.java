package hk.ccms.access.datacentre.domain;

/** Why a {@link StateChange} was recorded. */
public enum StateChangeKind {
    /** The service found no state and created the first one. */
    INITIALISED,
    /** An operator's planned switch-over: the target becomes active under a new epoch. */
    SWITCHED_OVER,
    /** An operator's disaster fail-over: the DC that records it takes a new epoch without its peer. */
    FAILED_OVER,
    /** An operator, or the scheduler at its window's start, opened a configured session at the active DC. */
    SESSION_OPENED,
    /** An operator, or the scheduler at its window's end, closed the open session; changes carry forward again. */
    SESSION_CLOSED,
    /** The peer's state was newer (higher epoch and revision) and this DC took it over as it was. */
    ADOPTED_FROM_PEER,
    /** A planned switch-over fenced the active DC's writes and began draining its replication. */
    HANDOVER_STARTED,
    /** A planned switch-over gave up (replication did not drain, auth-service could not be reached, a restart). */
    HANDOVER_ABORTED,
    /** An operator had auth-service re-apply a quarantined write of a fenced DC; the state is unchanged. */
    QUARANTINE_REAPPLIED,
    /** An operator had auth-service drop a quarantined write of a fenced DC; the state is unchanged. */
    QUARANTINE_DROPPED
}
