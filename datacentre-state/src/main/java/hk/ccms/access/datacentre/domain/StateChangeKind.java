package hk.ccms.access.datacentre.domain;

/** Why a {@link StateChange} was recorded. Switch-over, fail-over and session kinds come with those features. */
public enum StateChangeKind {
    /** The service found no state and created the first one. */
    INITIALISED
}
