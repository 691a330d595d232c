package hk.ccms.access.datacentre.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An operator's action waiting for a second operator (two-person approval): what was asked, by
 * whom, why, until when it may be approved, and how it was decided. Kept after the decision, as a
 * record of who approved or rejected what.
 */
@Entity
@Table(name = "pending_approval")
public class PendingApproval extends PanacheEntityBase {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalAction action;

    @Column(name = "target_dc")
    private String targetDc;

    @Column(name = "session_name")
    private String sessionName;

    @Column(name = "quarantine_id")
    private Long quarantineId;

    @Column(name = "expected_version")
    private Long expectedVersion;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private String reason;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** Why it was rejected; null otherwise. */
    @Column(name = "decision_reason")
    private String decisionReason;

    protected PendingApproval() {
    }

    /** What an action is about: the target DC, the session or the quarantined entry, as the action needs. */
    public record Subject(String targetDc, String sessionName, Long quarantineId, Long expectedVersion) {
    }

    public static PendingApproval requested(ApprovalAction action, Subject subject, String requestedBy, String reason,
                                            Instant now, Instant expiresAt) {
        PendingApproval approval = new PendingApproval();
        approval.action = action;
        approval.targetDc = subject.targetDc();
        approval.sessionName = subject.sessionName();
        approval.quarantineId = subject.quarantineId();
        approval.expectedVersion = subject.expectedVersion();
        approval.requestedBy = requestedBy;
        approval.reason = reason;
        approval.requestedAt = now;
        approval.expiresAt = expiresAt;
        approval.status = Status.PENDING;
        return approval;
    }

    public static Optional<PendingApproval> byId(long id) {
        return findByIdOptional(id);
    }

    /** Requests still waiting for a decision at {@code now}, oldest first. */
    public static List<PendingApproval> waiting(Instant now) {
        return list("status = ?1 and expiresAt > ?2 order by id", Status.PENDING, now);
    }

    /**
     * Claims a waiting request for {@code approver} in one conditional update, so that two
     * operators approving at once cannot both run the action.
     *
     * @return whether this call claimed it
     */
    public static boolean claim(long id, String approver, Instant now) {
        return update("status = ?1, decidedBy = ?2, decidedAt = ?3 where id = ?4 and status = ?5 and expiresAt > ?3",
                Status.APPROVED, approver, now, id, Status.PENDING) == 1;
    }

    /** Gives back a claim whose action was refused: the request waits again, until it expires. */
    public static void release(long id) {
        update("status = ?1, decidedBy = null, decidedAt = null where id = ?2 and status = ?3", Status.PENDING, id, Status.APPROVED);
    }

    public void reject(String operator, String why, Instant now) {
        status = Status.REJECTED;
        decidedBy = operator;
        decidedAt = now;
        decisionReason = why;
    }

    public boolean expiredAt(Instant now) {
        return status == Status.PENDING && !expiresAt.isAfter(now);
    }

    public Long id() {
        return id;
    }

    public ApprovalAction action() {
        return action;
    }

    public Subject subject() {
        return new Subject(targetDc, sessionName, quarantineId, expectedVersion);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String reason() {
        return reason;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Status status() {
        return status;
    }

    public Optional<String> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> decisionReason() {
        return Optional.ofNullable(decisionReason);
    }
}
