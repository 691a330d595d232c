package hk.ccms.access.datacentre.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/**
 * One entry of the append-only history of {@link DataCentreState}: the state that was entered,
 * when, at which DC, and (for operator actions, later) by whom and why. The database refuses
 * updates and deletes on this table, so the history cannot be rewritten by a bug either.
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

    @Embedded
    private StateSnapshot snapshot;

    /** The operator who asked for the change; null when the service made it on its own. */
    @Column
    private String actor;

    @Column
    private String reason;

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

    public String actor() {
        return actor;
    }
}
