package hk.ccms.access.datacentre.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the append-only history of {@link DataCentreState}: the state that was entered and
 * the state that was left, when, at which DC, and for operator actions by whom and why. The
 * database refuses updates and deletes on this table, so the history cannot be rewritten by a bug
 * either.
 */
@Entity
@Immutable
@Table(name = "state_change")
public class StateChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StateChangeKind kind;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by_dc", nullable = false)
    private String recordedByDc;

    /** The state entered. */
    @Embedded
    private StateSnapshot snapshot;

    /** The state left; null for the first entry (all its columns are null). */
    @Embedded
    @AttributeOverride(name = "epoch", column = @Column(name = "from_epoch"))
    @AttributeOverride(name = "activeDc", column = @Column(name = "from_active_dc"))
    @AttributeOverride(name = "mode", column = @Column(name = "from_mode"))
    @AttributeOverride(name = "sessionName", column = @Column(name = "from_session_name"))
    @AttributeOverride(name = "carryForward", column = @Column(name = "from_carry_forward"))
    @AttributeOverride(name = "businessFunctionsAvailable", column = @Column(name = "from_business_functions_available"))
    private StateSnapshot from;

    /** The operator who asked for the change; null when the service made it on its own. */
    @Column
    private String actor;

    @Column
    private String reason;

    /** Set when the change opened a session: whether that was outside the session's window. */
    @Column(name = "outside_window")
    private Boolean outsideWindow;

    protected StateChange() {
    }

    /** Records that {@code recordedByDc} entered {@code state} on its own account (no operator). */
    public static StateChange automatic(StateChangeKind kind, DataCentreState state, String recordedByDc, String reason) {
        StateChange change = new StateChange();
        change.kind = kind;
        change.recordedAt = state.updatedAt();
        change.recordedByDc = recordedByDc;
        change.snapshot = state.snapshot().copy();
        change.reason = reason;
        return change;
    }

    /** Records that {@code actor} moved {@code state} from {@code left} by {@code transition}, for {@code reason}. */
    public static StateChange byOperator(StateChangeKind kind, StateSnapshot left, DataCentreState state,
                                         Transition transition, String recordedByDc, String actor, String reason) {
        StateChange change = automatic(kind, state, recordedByDc, reason);
        change.from = left.copy();
        change.actor = actor;
        change.outsideWindow = transition.outsideWindow();
        return change;
    }

    /** The latest {@code limit} entries, newest first. */
    public static List<StateChange> latest(int limit) {
        return find("order by id desc").page(0, limit).list();
    }

    public Long id() {
        return id;
    }

    public StateChangeKind kind() {
        return kind;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedByDc() {
        return recordedByDc;
    }

    public StateSnapshot snapshot() {
        return snapshot;
    }

    public Optional<StateSnapshot> from() {
        return Optional.ofNullable(from);
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public Optional<Boolean> outsideWindow() {
        return Optional.ofNullable(outsideWindow);
    }
}
