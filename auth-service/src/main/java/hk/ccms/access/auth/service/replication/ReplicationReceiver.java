package hk.ccms.access.auth.service.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a batch from the peer: all of it in one transaction with the watermark, or nothing.
 * Only a standby takes batches, and only of the epoch it holds or a later one (which it then
 * takes, fenced); a batch of an older epoch comes from a data centre that was failed over and is
 * refused, so that the sender keeps those writes aside instead of merging them.
 */
@ApplicationScoped
public class ReplicationReceiver {

    private static final Logger LOG = Logger.getLogger(ReplicationReceiver.class);

    private final EntityManager entityManager;
    private final ReplicationScopes scopes;
    private final AccountImages images;

    public ReplicationReceiver(EntityManager entityManager, ReplicationScopes scopes, AccountImages images) {
        this.entityManager = entityManager;
        this.scopes = scopes;
        this.images = images;
    }

    @Transactional
    public ReplicationBatch.Applied apply(ReplicationBatch batch) {
        scopes.requireStandbyFor(batch.sourceDc(), batch.epoch());
        Map<String, String> imagesByUserId = new LinkedHashMap<>();
        batch.accounts().forEach(account -> imagesByUserId.put(account.userId(), account.image()));
        images.applyReplicated(imagesByUserId);
        entityManager.createNativeQuery("""
                        insert into replication_applied (source_dc, epoch, seq, applied_at) values (?1, ?2, ?3, clock_timestamp())
                        on conflict (source_dc) do update set epoch = excluded.epoch,
                            seq = greatest(replication_applied.seq, excluded.seq), applied_at = excluded.applied_at""")
                .setParameter(1, batch.sourceDc()).setParameter(2, batch.epoch()).setParameter(3, batch.lastSeq())
                .executeUpdate();
        LOG.debugf("Applied %d account(s) from %s up to %d (epoch %d)", batch.accounts().size(), batch.sourceDc(),
                batch.lastSeq(), batch.epoch());
        return new ReplicationBatch.Applied(batch.epoch(), batch.lastSeq());
    }
}
