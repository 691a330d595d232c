package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Consecutive failed password or code attempts lock an account for a while. The counter is
 * changed by single atomic UPDATEs so that parallel attempts cannot slip past the limit.
 */
@ApplicationScoped
public class Lockout {

    private static final String ANONYMOUS = "anonymous";

    private final AuthConfig.Lockout config;
    private final AuditTrail audit;
    private final Clock clock;

    public Lockout(AuthConfig config, AuditTrail audit, Clock clock) {
        this.config = config.lockout();
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A wrong password or code in any flow: counts it, audits it as {@code action} by
     * {@code actor}, and audits the lock when this failure caused one. True when it locked the account.
     */
    public boolean countFailure(Account account, AuditAction action, String actor, String reason) {
        boolean locked = recordFailure(account.id);
        audit.record(action, actor, account, AuditEvent.Result.FAILURE, reason);
        if (locked) {
            audit.record(AuditAction.ACCOUNT_LOCKED, "system", account, AuditEvent.Result.SUCCESS, "too many consecutive failures");
        }
        return locked;
    }

    /** A wrong password or code from someone not yet identified. */
    public boolean countFailure(Account account, AuditAction action, String reason) {
        return countFailure(account, action, ANONYMOUS, reason);
    }

    /** Counts one failure; true when this failure locked the account. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordFailure(long accountId) {
        Instant now = clock.instant();
        // PostgreSQL keeps microseconds: compare like with like.
        Instant lockedUntil = now.plus(config.duration()).truncatedTo(ChronoUnit.MICROS);
        Object result = Account.getEntityManager().createNativeQuery("""
                        update account set
                            locked_until = case when failed_attempts + 1 >= :max then :lockedUntil else locked_until end,
                            failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                            version = version + 1,
                            updated_at = :now
                        where id = :id
                        returning locked_until""")
                .setParameter("max", config.maxFailures())
                .setParameter("lockedUntil", Timestamp.from(lockedUntil))
                .setParameter("now", Timestamp.from(now))
                .setParameter("id", accountId)
                .getSingleResult();
        return result != null && toInstant(result).equals(lockedUntil);
    }

    /** A complete login clears the failure count. */
    @Transactional
    public void reset(long accountId) {
        Account.update("failedAttempts = 0, lockedUntil = null, version = version + 1, updatedAt = ?1 "
                + "where id = ?2 and (failedAttempts <> 0 or lockedUntil is not null)", clock.instant(), accountId);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
