package hk.ccms.access.auth.service.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Reads {@link ReplicationStatus} from this data centre's database and shipper. */
@ApplicationScoped
public class ReplicationStatuses {

    /** The lag window when none is asked for. */
    public static final int DEFAULT_LAG_WINDOW_SECONDS = 600;

    private final EntityManager entityManager;
    private final ReplicationScopes scopes;
    private final ReplicationOutbox outbox;
    private final ReplicationShipper shipper;
    private final AccountImages images;

    public ReplicationStatuses(EntityManager entityManager, ReplicationScopes scopes, ReplicationOutbox outbox,
                               ReplicationShipper shipper, AccountImages images) {
        this.entityManager = entityManager;
        this.scopes = scopes;
        this.outbox = outbox;
        this.shipper = shipper;
        this.images = images;
    }

    /**
     * With the lag over the changes shipped in the last {@code lagWindowSeconds}, and the state
     * digest when {@code withDigest}: hashing every account is the one costly part, so the
     * frequent readers (the state publication, the switch-over's drain) go without it.
     */
    @Transactional
    public ReplicationStatus current(int lagWindowSeconds, boolean withDigest) {
        ReplicationScope scope = scopes.current();
        ReplicationOutbox.Backlog backlog = outbox.backlog(lagWindowSeconds);
        var attempt = shipper.lastAttempt();
        return new ReplicationStatus(scope.dataCentre(), scope.epoch(), scope.revision(), scope.activeDc(), scope.writable(),
                scope.carryForward(), scope.sessionName(), backlog.pendingChanges(), backlog.oldestPendingAt(),
                backlog.lastShippedSeq(), backlog.lastShippedAt(), attempt.map(ReplicationShipper.LastAttempt::at).orElse(null),
                attempt.map(ReplicationShipper.LastAttempt::error).orElse(null),
                new ReplicationStatus.Lag(backlog.lagP50Millis(), backlog.lagP99Millis(), backlog.lagSamples(), lagWindowSeconds),
                appliedFromPeer(), openQuarantine(), images.accounts(), withDigest ? images.digest() : null);
    }

    @SuppressWarnings("unchecked")
    private ReplicationStatus.AppliedFromPeer appliedFromPeer() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "select source_dc, epoch, seq, applied_at from replication_applied order by applied_at desc limit 1").getResultList();
        return rows.stream().findFirst().map(row -> new ReplicationStatus.AppliedFromPeer((String) row[0],
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ReplicationOutbox.instant(row[3]))).orElse(null);
    }

    private long openQuarantine() {
        return ((Number) entityManager.createNativeQuery("select count(*) from quarantine where status = 'OPEN'")
                .getSingleResult()).longValue();
    }
}
