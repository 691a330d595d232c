package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
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

    private final AuthConfig.Lockout config;
    private final Clock clock;

    public Lockout(AuthConfig config, Clock clock) {
        this.config = config.lockout();
        this.clock = clock;
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
