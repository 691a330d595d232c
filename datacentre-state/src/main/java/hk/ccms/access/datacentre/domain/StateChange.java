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
    @AttributeOverride(name = "revision", column = @Column(name = "from_revision"))
    @AttributeOverride(name = "handingOverTo", column = @Column(name = "from_handing_over_to"))
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

    /** For a quarantine decision: the quarantined entry at auth-service it was about. */
    @Column(name = "quarantine_id")
    private Long quarantineId;

    /** What the service adds to the reason: why a hand-over was aborted, where a state came from. */
    @Column
    private String note;

    /** With two-person approval: the second operator, who approved the actor's action. */
    @Column(name = "approved_by")
    private String approvedBy;

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

    /** Records that {@code actor} (null: the service itself) moved {@code state} from {@code left}, for {@code reason}. */
    public static StateChange byOperator(StateChangeKind kind, StateSnapshot left, DataCentreState state,
                                         Transition transition, String recordedByDc, String actor, String reason) {
        StateChange change = automatic(kind, state, recordedByDc, reason);
        change.from = left.copy();
        change.actor = actor;
        change.outsideWindow = transition.outsideWindow();
        return change;
    }

    /** Records that this DC took over the peer's newer state, leaving {@code left}. */
    public static StateChange adopted(StateSnapshot left, DataCentreState state, Instant recordedAt, String recordedByDc,
                                      String peerId) {
        StateChange change = automatic(StateChangeKind.ADOPTED_FROM_PEER, state, recordedByDc,
                "The peer's state is newer (epoch " + state.snapshot().epoch() + ", revision " + state.snapshot().revision() + ")");
        change.recordedAt = recordedAt;
        change.from = left.copy();
        change.note = "from " + peerId;
        return change;
    }

    /** Records an operator's decision on quarantined entry {@code quarantineId}; the state itself is unchanged. */
    public static StateChange quarantineDecision(StateChangeKind kind, DataCentreState state, Instant decidedAt,
                                                 String recordedByDc, String actor, String reason, long quarantineId) {
        StateChange change = automatic(kind, state, recordedByDc, reason);
        change.recordedAt = decidedAt;
        change.from = state.snapshot().copy();
        change.actor = actor;
        change.quarantineId = quarantineId;
        return change;
    }

    /** Names the operator who approved the action (null: none needed), before the entry is persisted. */
    public StateChange approvedBy(String approver) {
        this.approvedBy = approver;
        return this;
    }

    /** Adds what the service has to say beside the reason, before the entry is persisted. */
    public StateChange noting(String note) {
        this.note = note;
        return this;
    }

    /**
     * The entry that opened session {@code sessionName} at {@code openedAt} (the state's
     * {@code session_opened_at}), if this DC opened it; a session adopted from the peer has none.
     */
    public static Optional<StateChange> openingOf(String sessionName, Instant openedAt) {
        return find("kind = ?1 and snapshot.sessionName = ?2 and recordedAt = ?3", StateChangeKind.SESSION_OPENED,
                sessionName, openedAt).firstResultOptional();
    }

    /** Whether session {@code sessionName} was opened or closed at this DC from {@code from} (inclusive) to {@code to}. */
    public static boolean sessionOpenedOrClosed(String sessionName, Instant from, Instant to) {
        return find("from StateChange c where c.recordedAt >= ?1 and c.recordedAt < ?2"
                        + " and ((c.kind = ?3 and c.snapshot.sessionName = ?4) or (c.kind = ?5 and c.from.sessionName = ?4))",
                from, to, StateChangeKind.SESSION_OPENED, sessionName, StateChangeKind.SESSION_CLOSED)
                .firstResultOptional().isPresent();
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

    public Optional<Long> quarantineId() {
        return Optional.ofNullable(quarantineId);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Optional<String> approvedBy() {
        return Optional.ofNullable(approvedBy);
    }
}
