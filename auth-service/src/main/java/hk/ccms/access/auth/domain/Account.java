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
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, updatable = false)
    public AccountType type;

    /** Null for clearing-house operators. */
    @Column(name = "participant_id", updatable = false)
    public String participantId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    public String email;

    /** E.164. */
    public String mobile;

    /** Argon2id in PHC string format; null until a password is set. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "otp_channel")
    public OtpChannel otpChannel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Enrolment enrolment;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** User IDs are case-insensitive; this is the one stored and looked-up form. */
    public static String canonicalUserId(String userId) {
        return userId.trim().toUpperCase(Locale.ROOT);
    }

    public static Optional<Account> findByUserId(String userId) {
        return find("userId", canonicalUserId(userId)).firstResultOptional();
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean canLogInWithOtp() {
        return status == AccountStatus.ACTIVE && enrolment == Enrolment.ENROLLED && passwordHash != null;
    }

    /** Where this account's one-time codes go, if it has a usable channel. */
    public Optional<String> otpDestination() {
        if (otpChannel == OtpChannel.EMAIL) {
            return Optional.ofNullable(email);
        }
        if (otpChannel == OtpChannel.SMS) {
            return Optional.ofNullable(mobile);
        }
        return Optional.empty();
    }
}
