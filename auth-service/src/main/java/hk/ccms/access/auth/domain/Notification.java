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
 * An e-mail telling a person that their account changed, written in the same transaction as the
 * change (an outbox) and sent afterwards until the mail service accepts it.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public enum Kind {
        PASSWORD_CHANGED,
        EMAIL_CHANGED_NEW_ADDRESS,
        EMAIL_CHANGED_OLD_ADDRESS,
        MOBILE_CHANGED,
        OTP_CHANNEL_CHANGED,
        TWO_FACTOR_SET_UP,
        TWO_FACTOR_RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The idempotency key the mail service sees: a retried notification is never mailed twice. */
    @Column(name = "notification_id", nullable = false, updatable = false)
    public String notificationId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @Column(name = "subject_user_id", nullable = false, updatable = false)
    public String subjectUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(nullable = false, updatable = false)
    public String recipient;

    @Column(name = "changed_to", updatable = false)
    public String changedTo;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;
}
