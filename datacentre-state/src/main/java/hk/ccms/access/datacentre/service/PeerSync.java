package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.domain.SharedState;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Keeps this DC's state and its peer's the same: at every sync interval (and when an operator
 * action needs to know the peer is there) it fetches the peer's state, adopts it when it is newer
 * and pushes its own when the peer's is older; after every local change it pushes at once. The
 * state with the higher (epoch, revision) wins; an equal one is the same state, because only the
 * active DC changes the state within an epoch and a new epoch is taken by one DC at a time.
 */
@ApplicationScoped
public class PeerSync {

    private static final Logger LOG = Logger.getLogger(PeerSync.class);
    /** Each retry follows a change that committed, so a few attempts settle any race between two writers. */
    private static final int ADOPTION_ATTEMPTS = 3;

    private final PeerDataCentre peer;
    private final PeerContact contact;
    private final DataCentreStateService states;
    private final AuthStatePublisher publisher;
    private final Clock clock;

    public PeerSync(PeerDataCentre peer, PeerContact contact, DataCentreStateService states, AuthStatePublisher publisher,
                    Clock clock) {
        this.peer = peer;
        this.contact = contact;
        this.states = states;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(every = "${ccms.datacentre.sync-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!states.started()) {
            return;
        }
        try {
            exchange();
        } catch (ProblemException failed) {
            // The store being down is reported by every request already; a state that cannot be adopted is news.
            if (failed.problem().getStatus() == 503) {
                LOG.debugf("Sync with the peer skipped: %s", failed.getMessage());
            } else {
                LOG.warnf("Sync with the peer failed: %s", failed.getMessage());
            }
        }
        publisher.publishQuietly();
    }

    /**
     * One exchange with the peer, now: fetch its state, adopt it if newer, push ours if older. The
     * first exchange that succeeds confirms this DC's state.
     *
     * @return whether the peer answered (false also when none is configured)
     */
    public boolean exchange() {
        if (!peer.configured()) {
            return false;
        }
        SharedState theirs;
        try {
            theirs = peer.fetch();
        } catch (PeerDataCentre.Unreachable unreachable) {
            contact.lost(unreachable.getMessage());
            return false;
        }
        contact.reached(clock.instant());
        SharedState ours = states.current().shared();
        if (theirs.isNewerThan(ours)) {
            adopt(theirs);
        } else if (ours.isNewerThan(theirs)) {
            push();
        } else if (!theirs.sameAs(ours)) {
            LOG.errorf("The peer holds a different state under the same epoch %d and revision %d (active %s there, %s here);"
                    + " neither is adopted: an operator must decide", ours.epoch(), ours.revision(), theirs.activeDc(), ours.activeDc());
        }
        contact.confirm("state exchanged with the peer");
        return true;
    }

    /**
     * A state the peer pushed: adopted when newer (and published to this DC's auth-service before
     * the answer, so that the peer's acknowledgement means this DC acts on it), a no-op when equal.
     *
     * @return the state held afterwards
     * @throws ProblemException {@code stale-epoch} when the state held here is newer than the pushed one
     */
    public SharedState receive(SharedState theirs) {
        SharedState held = states.current().shared();
        if (theirs.isNewerThan(held)) {
            adopt(theirs);
            held = states.current().shared();
        }
        if (held.isNewerThan(theirs)) {
            LOG.infof("Refused the peer's older state (epoch %d, revision %d; holding epoch %d, revision %d)",
                    theirs.epoch(), theirs.revision(), held.epoch(), held.revision());
            throw new ProblemException(DataCentreProblemType.STALE_EPOCH, "This data centre holds a newer state (epoch "
                    + held.epoch() + ", revision " + held.revision() + ").").with("epoch", held.epoch()).with("state", held);
        }
        return held;
    }

    /**
     * Pushes the current state to the peer.
     *
     * @return whether the peer acknowledged it (it holds this state now)
     */
    public boolean push() {
        if (!peer.configured()) {
            return false;
        }
        SharedState ours = states.current().shared();
        try {
            boolean taken = peer.push(ours);
            contact.reached(clock.instant());
            if (!taken) {
                LOG.infof("The peer holds a newer state than epoch %d revision %d; adopting it at the next exchange",
                        ours.epoch(), ours.revision());
            }
            return taken;
        } catch (PeerDataCentre.Unreachable unreachable) {
            contact.lost(unreachable.getMessage());
            return false;
        }
    }

    /**
     * Adopts {@code theirs} unless the state held here is as new by now. A concurrent change (the
     * peer's push and this DC's own exchange adopting the same state, or an operator's action) is
     * no reason to refuse: nobody has to decide again, so the adoption is simply decided again
     * against the state that won.
     */
    private void adopt(SharedState theirs) {
        for (int attempt = 1; ; attempt++) {
            try {
                states.adopt(theirs).ifPresent(adopted -> publisher.publishQuietly());
                return;
            } catch (ProblemException concurrent) {
                if (!concurrent.is(DataCentreProblemType.STATE_CHANGED) || attempt == ADOPTION_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }
}
