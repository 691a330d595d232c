package hk.ccms.access.datacentre.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Optional;

/**
 * What the data-centre state is at one moment: epoch, active DC, mode, open session and whether
 * changes carry forward. Held by the current state and copied into every history entry.
 */
@Embeddable
public class StateSnapshot {

    @Column(nullable = false)
    private long epoch;

    @Column(name = "active_dc", nullable = false)
    private String activeDc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DataCentreMode mode;

    @Column(name = "session_name")
    private String sessionName;

    @Column(name = "carry_forward", nullable = false)
    private boolean carryForward;

    protected StateSnapshot() {
    }

    /** A detached copy, so that a history entry never shares a value object with the live state. */
    StateSnapshot copy() {
        StateSnapshot copy = new StateSnapshot();
        copy.epoch = epoch;
        copy.activeDc = activeDc;
        copy.mode = mode;
        copy.sessionName = sessionName;
        copy.carryForward = carryForward;
        return copy;
    }

    public boolean isActiveAt(String dcId) {
        return activeDc.equals(dcId);
    }

    public long epoch() {
        return epoch;
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
}
