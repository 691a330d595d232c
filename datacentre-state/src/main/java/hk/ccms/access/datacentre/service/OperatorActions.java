package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.StateChange;
import hk.ccms.access.datacentre.domain.StateChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The operators' actions as the two data centres carry them out: the state change itself
 * ({@link DataCentreStateService}), then telling this DC's auth-service (which fences, unfences
 * and discards) and the peer. The planned switch-over is the one that needs auth-service's word
 * before it may go on; see {@link #switchOver}.
 */
@ApplicationScoped
public class OperatorActions {

    private static final Logger LOG = Logger.getLogger(OperatorActions.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** auth-service's answer to the publication that followed an action; {@code replicationStatus} null when it gave none. */
    public record Publication(boolean acknowledged, ReplicationStatus replicationStatus) {

        static Publication of(Optional<ReplicationStatus> answer) {
            return new Publication(answer.isPresent(), answer.orElse(null));
        }
    }

    /**
     * What an action did. {@code discardPending} (session close only): the closed session did not
     * carry forward and auth-service has not yet acknowledged, so its changes are discarded at the
     * next publication that reaches it. {@code unavailableMillis} (switch-over only): how long
     * account writes were refused, from the fence to the peer's acknowledgement; null when the peer
     * did not acknowledge, and {@code warning} says so.
     */
    public record ActionOutcome(DataCentreStateService.Outcome outcome, Publication authService, Boolean discardPending,
                                Long unavailableMillis, String warning) {

        static ActionOutcome of(DataCentreStateService.Outcome outcome, Publication authService) {
            return new ActionOutcome(outcome, authService, null, null, null);
        }
    }

    /** The quarantined entry as auth-service holds it after the decision, and the history entry of the decision. */
    public record QuarantineOutcome(QuarantineEntry entry, StateChange change) {
    }

    private final DataCentreConfig config;
    private final DataCentreStateService states;
    private final PeerSync peerSync;
    private final PeerContact peer;
    private final AuthStatePublisher publisher;
    private final AuthServiceLink auth;
    private final Clock clock;

    public OperatorActions(DataCentreConfig config, DataCentreStateService states, PeerSync peerSync, PeerContact peer,
                           AuthStatePublisher publisher, AuthServiceLink auth, Clock clock) {
        this.config = config;
        this.states = states;
        this.peerSync = peerSync;
        this.peer = peer;
        this.publisher = publisher;
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * Planned switch-over, called at the active DC with the peer reachable:
     * <ol>
     *   <li>record the hand-over and tell this DC's auth-service, whose answer proves that account
     *       writes are fenced here;</li>
     *   <li>wait until auth-service has no change left that the peer has not acknowledged (the
     *       drain), at most the drain timeout; otherwise abort: the fence is lifted and nothing
     *       else changed;</li>
     *   <li>the target takes a new epoch; tell auth-service, push to the peer, which adopts it and
     *       tells its own auth-service before it answers: from then on the target accepts writes.</li>
     * </ol>
     */
    public ActionOutcome switchOver(Operator operator, String targetDc, String reason, Long expectedVersion) {
        states.checkSwitchOver(targetDc, expectedVersion);
        if (!peerSync.exchange()) {
            LOG.infof("%s: switch-over to %s refused, the peer cannot be reached", operator.describe(), targetDc);
            throw new ProblemException(DataCentreProblemType.PEER_UNREACHABLE, "The peer data centre " + config.peerId()
                    + " cannot be reached, so replication cannot drain to it; use fail-over if the peer is lost.", RETRY_AFTER);
        }
        try {
            auth.replicationStatus(false);
        } catch (AuthServiceLink.Unavailable unavailable) {
            throw authUnavailable(operator, "before the hand-over", unavailable);
        }

        states.startHandover(operator, targetDc, reason, expectedVersion);
        peerSync.push();
        Instant fencedAt = clock.instant();
        try {
            publisher.publish();
        } catch (AuthServiceLink.Unavailable | ProblemException notFenced) {
            abort(operator, reason, "auth-service did not confirm the write fence: " + notFenced.getMessage());
            throw authUnavailable(operator, "to fence writes", notFenced);
        }
        drain(operator, reason);

        DataCentreStateService.Outcome switched = states.completeHandover(operator, targetDc, reason);
        Optional<ReplicationStatus> ownAnswer = publisher.publishQuietly();
        boolean acknowledged = peerSync.push();
        if (!acknowledged) {
            LOG.warnf("%s: switched over to %s, but the peer did not acknowledge; it adopts the state at its next sync",
                    operator.describe(), targetDc);
            return new ActionOutcome(switched, Publication.of(ownAnswer), null, null, "The peer " + targetDc
                    + " did not acknowledge the new state; it adopts it at its next sync with this data centre.");
        }
        long unavailableMillis = Duration.between(fencedAt, clock.instant()).toMillis();
        LOG.infof("%s: switched over to %s; account writes were refused for %d ms", operator.describe(), targetDc,
                unavailableMillis);
        return new ActionOutcome(switched, Publication.of(ownAnswer), null, unavailableMillis, null);
    }

    /**
     * Disaster fail-over to this DC, only while the peer cannot be reached (asked once more, now):
     * a peer that answers is not lost and is left by a planned switch-over. Confirms this DC's state.
     */
    public ActionOutcome failOver(Operator operator, String targetDc, String reason, Long expectedVersion) {
        states.checkFailOver(targetDc, expectedVersion);
        if (peerSync.exchange()) {
            LOG.infof("%s: fail-over to %s refused, the peer is reachable", operator.describe(), targetDc);
            throw new ProblemException(DataCentreProblemType.PEER_REACHABLE, "The peer data centre " + config.peerId()
                    + " is reachable; use a planned switch-over.");
        }
        DataCentreStateService.Outcome outcome = states.failOver(operator, targetDc, reason, expectedVersion);
        peer.confirm("fail-over to this data centre by operator " + operator.userId());
        Publication published = Publication.of(publisher.publishQuietly());
        peerSync.push();
        return ActionOutcome.of(outcome, published);
    }

    public ActionOutcome openSession(Operator operator, String name, String reason, Long expectedVersion) {
        DataCentreStateService.Outcome outcome = states.openSession(operator, name, reason, expectedVersion);
        Publication published = Publication.of(publisher.publishQuietly());
        peerSync.push();
        return ActionOutcome.of(outcome, published);
    }

    /**
     * Closes the session. Closing a no-carry-forward session is complete only once auth-service
     * has discarded its changes, which it does when told the session is gone; when it cannot be
     * told now the close stands and the periodic publication completes it.
     */
    public ActionOutcome closeSession(Operator operator, String reason, Long expectedVersion) {
        DataCentreStateService.Outcome outcome = states.closeSession(operator, reason, expectedVersion);
        Publication published = Publication.of(publisher.publishQuietly());
        peerSync.push();
        boolean discards = outcome.change().from().map(left -> !left.carryForward()).orElse(false);
        boolean discardPending = discards && !published.acknowledged();
        if (discardPending) {
            LOG.warnf("%s: session closed, but auth-service has not discarded its changes yet;"
                    + " the next publication that reaches it completes the close", operator.describe());
        }
        return new ActionOutcome(outcome, published, discardPending, null, null);
    }

    public List<QuarantineEntry> quarantine() {
        try {
            return auth.quarantine();
        } catch (AuthServiceLink.Unavailable unavailable) {
            throw dependencyUnavailable("auth-service cannot list the quarantine", unavailable);
        }
    }

    /** Passes the decision to auth-service, which holds the quarantine, and records it in the history. */
    public QuarantineOutcome decide(Operator operator, long id, AuthServiceLink.QuarantineDecision decision, String reason) {
        QuarantineEntry entry;
        try {
            entry = auth.decide(id, decision, operator.userId(), reason);
        } catch (AuthServiceLink.Unavailable unavailable) {
            throw dependencyUnavailable("auth-service cannot take the quarantine decision", unavailable);
        }
        StateChangeKind kind = decision == AuthServiceLink.QuarantineDecision.REAPPLY
                ? StateChangeKind.QUARANTINE_REAPPLIED : StateChangeKind.QUARANTINE_DROPPED;
        return new QuarantineOutcome(entry, states.recordQuarantineDecision(operator, kind, id, reason));
    }

    /** This DC's auth-service's replication status, asked now; the state digest only when asked for. */
    public ReplicationStatus replicationStatus(boolean withDigest) {
        try {
            return auth.replicationStatus(withDigest);
        } catch (AuthServiceLink.Unavailable unavailable) {
            throw dependencyUnavailable("auth-service cannot report its replication status", unavailable);
        }
    }

    private void drain(Operator operator, String reason) {
        Instant deadline = clock.instant().plus(config.switchOver().drainTimeout());
        ReplicationStatus status = null;
        try {
            while (true) {
                status = auth.replicationStatus(false);
                if (status.drained()) {
                    return;
                }
                if (!clock.instant().isBefore(deadline)) {
                    break;
                }
                Thread.sleep(config.switchOver().drainPollInterval().toMillis());
            }
        } catch (AuthServiceLink.Unavailable | ProblemException unavailable) {
            abort(operator, reason, "auth-service could not be asked how replication stands: " + unavailable.getMessage());
            throw notDrained("auth-service could not be asked how replication stands", null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abort(operator, reason, "interrupted while draining");
            throw notDrained("the switch-over was interrupted", null);
        }
        Long pending = status.pendingChanges();
        abort(operator, reason, "replication did not drain within " + config.switchOver().drainTimeout() + " ("
                + pending + " changes pending)");
        throw notDrained(pending + " account changes were still not replicated after "
                + config.switchOver().drainTimeout().toSeconds() + " s", pending);
    }

    /** Lifts the fence of a hand-over that cannot complete; the active DC stays as it was. */
    private void abort(Operator operator, String reason, String why) {
        LOG.warnf("%s: switch-over aborted: %s", operator.describe(), why);
        try {
            states.abortHandover(operator, reason, why);
        } catch (ProblemException notAborted) {
            LOG.errorf("%s: the aborted hand-over could not be recorded (%s); the state shows it until a restart"
                    + " or the next operator action", operator.describe(), notAborted.getMessage());
            return;
        }
        publisher.publishQuietly();
        peerSync.push();
    }

    private static ProblemException notDrained(String detail, Long pendingChanges) {
        ProblemException problem = new ProblemException(DataCentreProblemType.SWITCH_OVER_NOT_DRAINED,
                detail + "; the switch-over was aborted and this data centre accepts writes again.", RETRY_AFTER);
        return pendingChanges == null ? problem : problem.with("pendingChanges", pendingChanges);
    }

    private ProblemException authUnavailable(Operator operator, String when, Exception cause) {
        LOG.warnf("%s: switch-over refused, auth-service unavailable %s: %s", operator.describe(), when, cause.getMessage());
        return new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE, "auth-service of this data centre cannot"
                + " fence account writes now; nothing was changed. Try again shortly.", RETRY_AFTER);
    }

    private static ProblemException dependencyUnavailable(String what, Exception cause) {
        LOG.warnf("%s: %s", what, cause.getMessage());
        return new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE, what + " now; try again shortly.", RETRY_AFTER);
    }
}
