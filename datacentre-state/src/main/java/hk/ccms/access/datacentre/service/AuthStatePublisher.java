package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.StateSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells this DC's auth-service the state it must act on: after every change and at every sync
 * tick, so that an answer lost to an outage is made good within one interval. auth-service
 * fences or unfences its writes, and discards a closed no-carry-forward session's changes, before
 * it answers; its answer (a {@link ReplicationStatus}) is kept as the latest one known.
 */
@ApplicationScoped
public class AuthStatePublisher {

    private static final Logger LOG = Logger.getLogger(AuthStatePublisher.class);

    /** auth-service's answer to a publication, and when it came. */
    public record Published(ReplicationStatus status, Instant at) {
    }

    private final AuthServiceLink auth;
    private final DataCentreStateService states;
    private final PeerContact peer;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Published last;

    public AuthStatePublisher(AuthServiceLink auth, DataCentreStateService states, PeerContact peer, Clock clock) {
        this.auth = auth;
        this.states = states;
        this.peer = peer;
        this.clock = clock;
    }

    /** Publishes the current state and waits for auth-service's answer. */
    public ReplicationStatus publish() throws AuthServiceLink.Unavailable {
        DataCentreState state = states.current();
        StateSnapshot snapshot = state.snapshot();
        PublishedState published = new PublishedState(snapshot.epoch(), snapshot.revision(), snapshot.activeDc(),
                snapshot.handingOverTo().orElse(null), peer.confirmed(), snapshot.sessionName().orElse(null),
                snapshot.carryForward(), snapshot.businessFunctionsAvailable());
        try {
            ReplicationStatus status = auth.publish(published);
            last = new Published(status, clock.instant());
            if (failing.compareAndSet(true, false)) {
                LOG.infof("auth-service acknowledges the state again (epoch %d, revision %d)", snapshot.epoch(), snapshot.revision());
            }
            return status;
        } catch (AuthServiceLink.Unavailable | ProblemException refused) {
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("auth-service did not take the state (epoch %d, revision %d): %s; retrying every sync interval",
                        snapshot.epoch(), snapshot.revision(), refused.getMessage());
            }
            throw refused;
        }
    }

    /** Publishes, and on failure leaves it to the next tick: for callers that go on either way. */
    public Optional<ReplicationStatus> publishQuietly() {
        try {
            return Optional.of(publish());
        } catch (AuthServiceLink.Unavailable | ProblemException notNow) {
            return Optional.empty();
        }
    }

    public Optional<Published> last() {
        return Optional.ofNullable(last);
    }
}
