package hk.ccms.access.auth.service.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The changes recorded by the database trigger and not yet acknowledged by the peer. Rows are
 * marked shipped one by one (not by a watermark): a transaction that commits after a later
 * sequence number was shipped is still found and shipped.
 */
@ApplicationScoped
public class ReplicationOutbox {

    private final EntityManager entityManager;
    private final AccountImages images;

    public ReplicationOutbox(EntityManager entityManager, AccountImages images) {
        this.entityManager = entityManager;
        this.images = images;
    }

    /** A batch to ship: the outbox rows it covers and the current image of each changed account. */
    public record Pending(List<Long> seqs, ReplicationBatch batch) {
    }

    /**
     * Up to {@code maxChanges} pending changes, oldest first, with images read now: an image read
     * later is never older, so the peer ends with the latest state whatever happens between
     * reading and shipping. At most {@code maxBytes} of images go in one batch. Changes of an
     * earlier epoch are still pending only if this data centre kept the epochs since (it would
     * have quarantined them otherwise), so they ship under the epoch held now.
     */
    @SuppressWarnings("unchecked")
    @Transactional
    public Optional<Pending> next(String sourceDc, long epoch, int maxChanges, int maxBytes) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select seq, user_id from replication_change
                        where status = 'PENDING' order by seq limit ?1""")
                .setParameter(1, maxChanges).getResultList();
        List<Long> seqs = new ArrayList<>();
        Set<String> userIds = new LinkedHashSet<>();
        List<ReplicationBatch.ShippedAccount> accounts = new ArrayList<>();
        int bytes = 0;
        for (Object[] row : rows) {
            String userId = (String) row[1];
            if (userIds.add(userId)) {
                String image = images.image(userId).orElse(null);
                int size = image == null ? 0 : image.length();
                if (!accounts.isEmpty() && bytes + size > maxBytes) {
                    userIds.remove(userId);
                    break;
                }
                bytes += size;
                accounts.add(new ReplicationBatch.ShippedAccount(userId, image));
            }
            seqs.add(((Number) row[0]).longValue());
        }
        if (seqs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pending(seqs, new ReplicationBatch(sourceDc, epoch, seqs.get(seqs.size() - 1), accounts)));
    }

    @Transactional
    public void shipped(Collection<Long> seqs) {
        entityManager.createNativeQuery("update replication_change set status = 'SHIPPED', shipped_at = clock_timestamp()"
                        + " where seq in (?1) and status = 'PENDING'")
                .setParameter(1, seqs).executeUpdate();
    }

    /**
     * Records a change of each account without writing it, so that its current image is shipped
     * again (e.g. to a peer that quarantined its own version and wants this one back).
     */
    @Transactional
    public void reship(long epoch, Collection<String> userIds) {
        userIds.forEach(userId -> entityManager.createNativeQuery(
                        "insert into replication_change (user_id, epoch, status) values (?1, ?2, 'PENDING')")
                .setParameter(1, userId).setParameter(2, epoch).executeUpdate());
    }

    /** What the outbox holds now, for operators and the switch-over's drain. */
    public record Backlog(long pendingChanges, Instant oldestPendingAt, Long lastShippedSeq, Instant lastShippedAt,
                          Long lagP50Millis, Long lagP99Millis, long lagSamples) {
    }

    /** Lag is measured per change, from its commit-time record to the peer's acknowledgement, over the last {@code windowSeconds}. */
    @Transactional
    public Backlog backlog(int windowSeconds) {
        Object[] pending = (Object[]) entityManager.createNativeQuery(
                "select count(*), min(recorded_at) from replication_change where status = 'PENDING'").getSingleResult();
        // Shipped changes pile up: the last one and those of the window are read through indexes, never all of them.
        Object[] last = (Object[]) entityManager.createNativeQuery("""
                        select (select max(seq) from replication_change where status = 'SHIPPED'),
                               (select max(shipped_at) from replication_change where status = 'SHIPPED')""").getSingleResult();
        Object[] lag = (Object[]) entityManager.createNativeQuery("""
                        select percentile_disc(0.5) within group (order by extract(epoch from shipped_at - recorded_at) * 1000),
                               percentile_disc(0.99) within group (order by extract(epoch from shipped_at - recorded_at) * 1000),
                               count(*)
                        from replication_change
                        where status = 'SHIPPED' and shipped_at > now() - make_interval(secs => ?1)""")
                .setParameter(1, windowSeconds).getSingleResult();
        return new Backlog(((Number) pending[0]).longValue(), instant(pending[1]), asLong(last[0]), instant(last[1]),
                asLong(lag[0]), asLong(lag[1]), ((Number) lag[2]).longValue());
    }

    static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant instant ? instant
                : value instanceof java.time.OffsetDateTime offset ? offset.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private static Long asLong(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }
}
