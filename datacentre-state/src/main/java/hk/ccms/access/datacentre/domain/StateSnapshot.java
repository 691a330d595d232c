package hk.ccms.access.datacentre.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Optional;

/**
 * What the data-centre state is at one moment: epoch, revision, active DC, mode, open session,
 * whether business functions are available, whether changes carry forward and whether a planned
 * switch-over is handing the active DC's place to its peer. Held by the current state
 * and copied into every history entry (as the state entered and the state left). Immutable once
 * built: a change makes a new snapshot.
 */
@Embeddable
public class StateSnapshot {

    @Column(nullable = false)
    private long epoch;

    /**
     * Rises at every change at either DC; with the epoch it orders two states. Null only in
     * history entries written before revisions existed.
     */
    @Column
    private Long revision;

    @Column(name = "active_dc", nullable = false)
    private String activeDc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DataCentreMode mode;

    @Column(name = "session_name")
    private String sessionName;

    @Column(name = "carry_forward", nullable = false)
    private boolean carryForward;

    @Column(name = "business_functions_available", nullable = false)
    private boolean businessFunctionsAvailable;

    /** The DC a planned switch-over is handing over to, while the active DC's writes are fenced and drain. */
    @Column(name = "handing_over_to")
    private String handingOverTo;

    protected StateSnapshot() {
    }

    /** The state the peer sent, to be adopted as it is. */
    static StateSnapshot of(SharedState shared) {
        StateSnapshot snapshot = new StateSnapshot();
        snapshot.epoch = shared.epoch();
        snapshot.revision = shared.revision();
        snapshot.activeDc = shared.activeDc();
        snapshot.mode = shared.mode();
        snapshot.sessionName = shared.sessionName();
        snapshot.carryForward = shared.carryForward();
        snapshot.businessFunctionsAvailable = shared.businessFunctionsAvailable();
        snapshot.handingOverTo = shared.handingOverTo();
        return snapshot;
    }

    /** A detached copy, so that a history entry never shares a value object with the live state. */
    StateSnapshot copy() {
        StateSnapshot copy = new StateSnapshot();
        copy.epoch = epoch;
        copy.revision = revision;
        copy.activeDc = activeDc;
        copy.mode = mode;
        copy.sessionName = sessionName;
        copy.carryForward = carryForward;
        copy.businessFunctionsAvailable = businessFunctionsAvailable;
        copy.handingOverTo = handingOverTo;
        return copy;
    }

    /**
     * {@code dcId} active in {@code mode}, in production: no session, business functions open,
     * changes carrying forward. The epoch is left to {@link DataCentreState#enter}.
     */
    public StateSnapshot activeAt(String dcId, DataCentreMode mode) {
        StateSnapshot next = withoutSession();
        next.activeDc = dcId;
        next.mode = mode;
        next.handingOverTo = null;
        return next;
    }

    /** The same state with the active DC's writes fenced for a hand-over to {@code dcId}; null ends it. */
    public StateSnapshot handingOverTo(String dcId) {
        StateSnapshot next = copy();
        next.handingOverTo = dcId;
        return next;
    }

    /** The same DC and mode with {@code session} open, on that session's terms. */
    public StateSnapshot inSession(SessionDefinition session) {
        StateSnapshot next = copy();
        next.sessionName = session.name();
        next.businessFunctionsAvailable = session.businessFunctionsAvailable();
        next.carryForward = session.carryForward();
        return next;
    }

    /** The same DC and mode back in production: business functions open, changes carrying forward. */
    public StateSnapshot withoutSession() {
        StateSnapshot next = copy();
        next.sessionName = null;
        next.businessFunctionsAvailable = true;
        next.carryForward = true;
        return next;
    }

    StateSnapshot withEpochAndRevision(long newEpoch, long newRevision) {
        StateSnapshot next = copy();
        next.epoch = newEpoch;
        next.revision = newRevision;
        return next;
    }

    public boolean isActiveAt(String dcId) {
        return activeDc.equals(dcId);
    }

    public long epoch() {
        return epoch;
    }

    public long revision() {
        return revision == null ? 0 : revision;
    }

    public String activeDc() {
        return activeDc;
    }

    public DataCentreMode mode() {
        return mode;
    }

    public Optional<String> sessionName() {
        return Optional.ofNullable(sessionName);
    }

    public boolean carryForward() {
        return carryForward;
    }

    public boolean businessFunctionsAvailable() {
        return businessFunctionsAvailable;
    }

    public Optional<String> handingOverTo() {
        return Optional.ofNullable(handingOverTo);
    }
}
