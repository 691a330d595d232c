package hk.ccms.access.auth.domain;

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

/** One row of the append-only audit trail (the database refuses updates and deletes). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    public enum Result { SUCCESS, FAILURE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    /** Who acted: a user ID, or {@code anonymous} before anyone is authenticated. */
    @Column(nullable = false, updatable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AuditAction action;

    @Column(name = "subject_user_id", updatable = false)
    public String subjectUserId;

    @Column(name = "participant_id", updatable = false)
    public String participantId;

    @Column(name = "source_ip", updatable = false)
    public String sourceIp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Result result;

    /** A reason code or short fact; never a secret. */
    @Column(updatable = false)
    public String detail;

    /** For a maker-checker decision: the Delegated Administrator who requested it (the actor approved it). */
    @Column(name = "requested_by", updatable = false)
    public String requestedBy;
}
