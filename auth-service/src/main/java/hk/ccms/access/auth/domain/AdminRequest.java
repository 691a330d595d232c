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

/**
 * A change one Delegated Administrator (the maker) requested for an account of their participant,
 * waiting for a second DA of the same participant (the checker) to approve or reject it.
 */
@Entity
@Table(name = "admin_request")
public class AdminRequest extends PanacheEntityBase {

    public enum Kind { EMAIL_CHANGE, TWO_FACTOR_RESET }

    public enum Status { PENDING, APPROVED, REJECTED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public String participantId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    /** The target account's User ID, kept for display (User IDs never change). */
    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(name = "new_email", updatable = false)
    public String newEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public boolean isOpenAt(Instant now) {
        return status == Status.PENDING && expiresAt.isAfter(now);
    }
}
