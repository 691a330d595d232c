package hk.ccms.access.auth.service.replication;

import hk.ccms.access.auth.client.PeerAuthClient;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.common.link.LinkCalls;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Ships pending account changes to the peer data centre, oldest first, a batch at a time; a batch
 * is marked shipped only once the peer has applied it, so a crash of either side at any point
 * ships it again (applying an image twice changes nothing). The peer answering that it holds a
 * later epoch fences this data centre at once: it has been failed over and must not accept
 * writes any more. Also asks the peer to re-ship the accounts this data centre quarantined.
 */
@ApplicationScoped
public class ReplicationShipper {

    private static final Logger LOG = Logger.getLogger(ReplicationShipper.class);
    /** Below the services' request-body limit (ccms.http.max-request-body-bytes, 16 KiB), with room for the envelope. */
    private static final int MAX_BATCH_BYTES = 12 * 1024;
    private static final int MAX_BATCHES_PER_TICK = 20;

    /** The last attempt to reach the peer, for operators. */
    public record LastAttempt(Instant at, String error) {
    }

    private final PeerAuthClient peer;
    private final ReplicationOutbox outbox;
    private final ReplicationScopes scopes;
    private final Quarantines quarantines;
    private final int batchSize;
    private final String dataCentre;
    private final Clock clock;
    private volatile LastAttempt lastAttempt;

    public ReplicationShipper(PeerAuthClient peer, ReplicationOutbox outbox, ReplicationScopes scopes, Quarantines quarantines,
                              AuthConfig config, Clock clock) {
        this.peer = peer;
        this.outbox = outbox;
        this.scopes = scopes;
        this.quarantines = quarantines;
        this.batchSize = config.replication().batchSize();
        this.dataCentre = config.dataCentre();
        this.clock = clock;
    }

    @Scheduled(every = "${ccms.auth.replication.ship-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!peer.configured()) {
            return;
        }
        try {
            quarantines.askPeerToRestore();
            ship();
            lastAttempt = new LastAttempt(clock.instant(), null);
        } catch (PeerAuthClient.Refused refused) {
            if ("stale-epoch".equals(refused.type())) {
                scopes.fence("the peer holds a later epoch");
            }
            failed(refused.getMessage());
        } catch (LinkCalls.Failed unreachable) {
            failed("peer unreachable: " + unreachable.getMessage());
        } catch (RuntimeException storeDown) {
            failed("local store: " + storeDown.getClass().getSimpleName());
        }
    }

    public Optional<LastAttempt> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    private void ship() throws LinkCalls.Failed, PeerAuthClient.Refused {
        long epoch = scopes.current().epoch();
        for (int i = 0; i < MAX_BATCHES_PER_TICK; i++) {
            Optional<ReplicationOutbox.Pending> pending = outbox.next(dataCentre, epoch, batchSize, MAX_BATCH_BYTES);
            if (pending.isEmpty()) {
                return;
            }
            peer.post("/internal/v1/replication/batches", pending.get().batch(), ReplicationBatch.Applied.class);
            outbox.shipped(pending.get().seqs());
        }
    }

    private void failed(String error) {
        LastAttempt previous = lastAttempt;
        if (previous == null || !error.equals(previous.error())) {
            LOG.warnf("Replication to the peer data centre failed: %s; retrying every tick", error);
        }
        lastAttempt = new LastAttempt(clock.instant(), error);
    }
}
