package hk.ccms.access.datacentre.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * The single state of the data-centre pair as this DC knows it: which DC holds the current epoch,
 * in which mode, which session is open, whether business functions are available and whether
 * changes made now carry forward. The table holds at most one row,
 * enforced by a fixed key, so that two instances starting together cannot create two states.
 */
@Entity
@Table(name = "datacentre_state")
public class DataCentreState extends PanacheEntityBase {

    private static final short SINGLE_ROW_ID = 1;

    @Id
    private short id;

    @Embedded
    private StateSnapshot snapshot;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When the open session was opened; null outside a session. */
    @Column(name = "session_opened_at")
    private Instant sessionOpenedAt;

    /** Whether the open session was opened outside its window; null outside a session. */
    @Column(name = "session_outside_window")
    private Boolean sessionOutsideWindow;

    /** Transitions are read-modify-write; a concurrent transition must fail, not be lost. */
    @Version
    private long version;

    protected DataCentreState() {
    }

    public static Optional<DataCentreState> current() {
        return findByIdOptional(SINGLE_ROW_ID);
    }

    /**
     * Writes the first state (epoch 1, normal production at {@code primaryDc}) unless a state
     * already exists. A plain insert would make the loser of a start-up race fail its whole
     * transaction; {@code on conflict do nothing} makes it a no-op instead.
     *
     * @return whether this call created the state
     */
    public static boolean initialiseIfAbsent(String primaryDc, Instant now) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into datacentre_state (id, epoch, active_dc, mode, session_name, carry_forward,
                                                      business_functions_available, updated_at, version)
                        values (:id, 1, :activeDc, :mode, null, true, true, :now, 0)
                        on conflict (id) do nothing""")
                .setParameter("id", SINGLE_ROW_ID)
                .setParameter("activeDc", primaryDc)
                .setParameter("mode", DataCentreMode.NORMAL.name())
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The way this DC changes the state after it is created. The epoch increases when a DC takes
     * the active place, so every DC that becomes active does so under an epoch no earlier state
     * had; the revision increases at every change; the session bookkeeping follows the session in
     * the state entered.
     *
     * @return the state left, for the history
     */
    public StateSnapshot enter(Transition transition, Instant now) {
        StateSnapshot left = snapshot;
        snapshot = transition.next().withEpochAndRevision(transition.newEpoch() ? left.epoch() + 1 : left.epoch(),
                left.revision() + 1);
        updatedAt = now;
        if (snapshot.sessionName().isEmpty()) {
            sessionOpenedAt = null;
            sessionOutsideWindow = null;
        } else if (!snapshot.sessionName().equals(left.sessionName())) {
            sessionOpenedAt = now;
            sessionOutsideWindow = transition.outsideWindow();
        }
        return left;
    }

    /**
     * Takes over the peer's newer state exactly as the peer holds it, revision and time of change
     * included, so that both DCs hold the same state and order later changes alike.
     *
     * @return the state left, for the history
     */
    public StateSnapshot adopt(SharedState shared) {
        StateSnapshot left = snapshot;
        snapshot = StateSnapshot.of(shared);
        updatedAt = shared.updatedAt();
        sessionOpenedAt = shared.sessionOpenedAt();
        sessionOutsideWindow = shared.sessionOutsideWindow();
        return left;
    }

    /** This state as it is sent to the peer. */
    public SharedState shared() {
        return new SharedState(snapshot.epoch(), snapshot.revision(), snapshot.activeDc(), snapshot.mode(),
                snapshot.sessionName().orElse(null), snapshot.carryForward(), snapshot.businessFunctionsAvailable(),
                snapshot.handingOverTo().orElse(null), updatedAt, sessionOpenedAt, sessionOutsideWindow);
    }

    public StateSnapshot snapshot() {
        return snapshot;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> sessionOpenedAt() {
        return Optional.ofNullable(sessionOpenedAt);
    }

    public Optional<Boolean> sessionOutsideWindow() {
        return Optional.ofNullable(sessionOutsideWindow);
    }

    public long version() {
        return version;
    }
}
