package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.SessionDefinition;
import hk.ccms.access.datacentre.domain.SharedState;
import hk.ccms.access.datacentre.domain.StateChange;
import hk.ccms.access.datacentre.domain.StateChangeKind;
import hk.ccms.access.datacentre.domain.StateSnapshot;
import hk.ccms.access.datacentre.domain.Transition;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Owns the data-centre state of this DC: creates it on first start, reads it, and applies the
 * operators' actions. Every action goes through {@link #change}, which checks it against the
 * current state, enters the new state (the epoch rises when the active DC changes) and appends
 * the history entry in the same transaction.
 */
@ApplicationScoped
public class DataCentreStateService {

    private static final Logger LOG = Logger.getLogger(DataCentreStateService.class);
    private static final Duration RETRY_AFTER_STORE_OUTAGE = Duration.ofSeconds(5);

    private final DataCentreConfig config;
    private final PeerContact peer;
    private final Clock clock;
    private volatile boolean started;

    public DataCentreStateService(DataCentreConfig config, PeerContact peer, Clock clock) {
        this.config = config;
        this.peer = peer;
        this.clock = clock;
    }

    /** What an operator action did: the state now held and the history entry that records it. */
    public record Outcome(DataCentreState state, StateChange change) {
    }

    void onStart(@Observes StartupEvent event) {
        if (config.id().equals(config.peerId())) {
            throw new IllegalStateException("ccms.datacentre.id and ccms.datacentre.peer-id are both " + config.id()
                    + "; a data centre cannot be its own peer");
        }
        LOG.infof("This is data centre %s (%s), peer %s at %s", config.id(), config.role(), config.peerId(),
                config.peerUrl().map(Object::toString).orElse("(none configured: single data centre)"));
        initialiseIfAbsent();
        abortHandoverLeftByARestart();
        started = true;
    }

    /** Whether the state exists and start-up checks are done: the scheduler may tick before that. */
    public boolean started() {
        return started;
    }

    /**
     * A hand-over this DC started cannot still be running after a restart (the operator's request
     * went with the process): end it, or this DC would stay fenced with nobody to finish it.
     */
    void abortHandoverLeftByARestart() {
        DataCentreState state = current();
        if (state.snapshot().isActiveAt(config.id()) && state.snapshot().handingOverTo().isPresent()) {
            abortHandover(null, "Hand-over found in progress at start-up", "datacentre-state restarted during the hand-over");
        }
    }

    /**
     * Creates the first state if there is none: epoch 1, normal production at the PRIMARY DC,
     * changes carrying forward. Runs at every start, possibly in several instances at once; only
     * the first call ever creates anything, so a restart never bumps the epoch.
     *
     * @return whether this call created the state
     */
    @Transactional
    public boolean initialiseIfAbsent() {
        if (!DataCentreState.initialiseIfAbsent(config.primaryDcId(), now())) {
            return false;
        }
        DataCentreState state = current();
        StateChange.automatic(StateChangeKind.INITIALISED, state, config.id(),
                "No data-centre state found at start-up").persist();
        LOG.infof("Initialised data-centre state: epoch %d, active %s, mode %s", state.snapshot().epoch(),
                state.snapshot().activeDc(), state.snapshot().mode());
        return true;
    }

    /**
     * The state as committed now. Transactional so that every call outside a change reads afresh:
     * the request-scoped session would otherwise answer a state read earlier in the same request,
     * before a change this request has committed since (a switch-over reads, changes, then
     * publishes). Inside a change it joins that change's transaction.
     */
    @Transactional
    public DataCentreState current() {
        // A primary-key read on a validated schema fails only when the database cannot be used.
        return read(DataCentreState::current)
                .orElseThrow(() -> new IllegalStateException("No data-centre state although it is created at start-up"));
    }

    /** The latest {@code limit} history entries, newest first. */
    public List<StateChange> history(int limit) {
        return read(() -> StateChange.latest(limit));
    }

    public List<SessionDefinition> sessionDefinitions() {
        return read(SessionDefinition::all);
    }

    public Optional<SessionDefinition> sessionDefinition(String name) {
        return read(() -> SessionDefinition.named(name));
    }

    /** The definition of the session {@code state} has open, if any. */
    public Optional<SessionDefinition> openSession(DataCentreState state) {
        return state.snapshot().sessionName().flatMap(this::sessionDefinition);
    }

    /**
     * The history entry that opened the session {@code state} holds open, when this DC opened it
     * (a session adopted from the peer has none here): it names who opened it.
     */
    public Optional<StateChange> sessionOpening(DataCentreState state) {
        return state.snapshot().sessionName().flatMap(name -> state.sessionOpenedAt()
                .flatMap(openedAt -> read(() -> StateChange.openingOf(name, openedAt))));
    }

    /** Whether session {@code name} was opened or closed here, by anyone, from {@code from} (inclusive) to {@code to}. */
    public boolean sessionOpenedOrClosed(String name, Instant from, Instant to) {
        return read(() -> StateChange.sessionOpenedOrClosed(name, from, to));
    }

    /**
     * Checks a planned switch-over to {@code targetDc} against the current state without changing
     * anything, so that a request that cannot succeed is refused before the peer and auth-service
     * are asked anything.
     */
    public void checkSwitchOver(String targetDc, Long expectedVersion) {
        DataCentreState state = current();
        requireVersion(state, expectedVersion);
        handingOver(state, targetDc);
    }

    /**
     * Step 1 of a planned switch-over: the active DC (this one) records that it hands over to
     * {@code targetDc}; from the moment its auth-service is told, account writes are fenced here
     * while replication drains. The epoch does not move yet.
     */
    @Transactional
    public Outcome startHandover(Operator operator, String targetDc, String reason, Long expectedVersion) {
        return change(StateChangeKind.HANDOVER_STARTED, operator, reason, null, expectedVersion,
                state -> handingOver(state, targetDc));
    }

    /** A hand-over that did not complete: writes are no longer fenced for it, the active DC stays. */
    @Transactional
    public Outcome abortHandover(Operator operator, String reason, String why) {
        return change(StateChangeKind.HANDOVER_ABORTED, operator, reason, why, null, state -> {
            if (state.snapshot().handingOverTo().isEmpty()) {
                throw new ProblemException(DataCentreProblemType.STATE_CHANGED, "No hand-over is in progress.");
            }
            return Transition.to(state.snapshot().handingOverTo(null));
        });
    }

    /**
     * The last step of a planned switch-over, once replication has drained: {@code targetDc}
     * takes a new epoch in normal production. Only the hand-over this DC started can complete.
     */
    @Transactional
    public Outcome completeHandover(Operator operator, String targetDc, String reason) {
        return change(StateChangeKind.SWITCHED_OVER, operator, reason, null, null, state -> {
            if (!state.snapshot().handingOverTo().equals(Optional.of(targetDc)) || !state.snapshot().isActiveAt(config.id())) {
                throw new ProblemException(DataCentreProblemType.STATE_CHANGED,
                        "The hand-over to " + targetDc + " is no longer in progress.");
            }
            return Transition.newEpoch(state.snapshot().activeAt(targetDc, DataCentreMode.NORMAL));
        });
    }

    /** Checks a fail-over against the current state without changing anything (see {@link #failOver}). */
    public void checkFailOver(String targetDc, Long expectedVersion) {
        DataCentreState state = current();
        requireVersion(state, expectedVersion);
        failingOver(state, targetDc);
    }

    /**
     * Disaster fail-over: this DC takes a new epoch without its peer. Only the DC that takes over
     * records it, because the peer is presumed lost. An open session (necessarily at the lost peer)
     * ends with it, and so does a hand-over the lost peer had started. A DC that is nominally active
     * but has not confirmed its state since it started may fail over to itself: the new epoch
     * outranks whatever the lost peer may have done meanwhile.
     */
    @Transactional
    public Outcome failOver(Operator operator, String targetDc, String reason, Long expectedVersion) {
        return change(StateChangeKind.FAILED_OVER, operator, reason, null, expectedVersion,
                state -> failingOver(state, targetDc));
    }

    /**
     * Opens the configured session {@code name} on its own terms (business functions, carry-forward),
     * at the active DC. Outside its window it still opens, for rehearsals, but the history and the
     * state say so.
     */
    @Transactional
    public Outcome openSession(Operator operator, String name, String reason, Long expectedVersion) {
        return change(StateChangeKind.SESSION_OPENED, operator, reason, null, expectedVersion, state -> {
            SessionDefinition session = SessionDefinition.named(name).orElseThrow(() -> new ProblemException(
                    DataCentreProblemType.UNKNOWN_SESSION, "No session named " + name + " is configured."));
            state.snapshot().sessionName().ifPresent(open -> {
                throw new ProblemException(DataCentreProblemType.SESSION_OPEN,
                        "Session " + open + " is open; close it before opening another.").with("session", open);
            });
            if (!state.snapshot().isActiveAt(session.dataCentre())) {
                throw new ProblemException(DataCentreProblemType.SESSION_DC_NOT_ACTIVE, "Session " + name + " runs at "
                        + session.dataCentre() + " but " + state.snapshot().activeDc() + " is active.");
            }
            requireActiveHere(state);
            boolean outsideWindow = !session.window().contains(clock.instant());
            return Transition.openingSession(state.snapshot().inSession(session), outsideWindow);
        });
    }

    /**
     * Closes the open session, at the active DC: business functions open, changes carry forward
     * again. auth-service discards a no-carry-forward session's changes when it is told.
     */
    @Transactional
    public Outcome closeSession(Operator operator, String reason, Long expectedVersion) {
        return change(StateChangeKind.SESSION_CLOSED, operator, reason, null, expectedVersion, state -> {
            if (state.snapshot().sessionName().isEmpty()) {
                throw new ProblemException(DataCentreProblemType.NO_SESSION_OPEN, "No session is open.");
            }
            requireActiveHere(state);
            return Transition.to(state.snapshot().withoutSession());
        });
    }

    /**
     * Takes over the peer's state if it is still newer than the one held here, with a history entry.
     *
     * @return the adoption, or empty when the state held here is as new or newer by now
     */
    @Transactional
    public Optional<Outcome> adopt(SharedState theirs) {
        DataCentreState state = current();
        if (!theirs.isNewerThan(state.shared())) {
            return Optional.empty();
        }
        requireOneOfThePair(theirs.activeDc());
        if (theirs.handingOverTo() != null) {
            requireOneOfThePair(theirs.handingOverTo());
        }
        if (theirs.sessionName() != null && SessionDefinition.named(theirs.sessionName()).isEmpty()) {
            throw new ProblemException(DataCentreProblemType.UNKNOWN_SESSION,
                    "The peer's session " + theirs.sessionName() + " is not configured here.");
        }
        StateSnapshot left = state.adopt(theirs);
        flush();
        StateChange change = StateChange.adopted(left, state, now(), config.id(), config.peerId());
        change.persist();
        LOG.infof("Adopted the peer's state: epoch %d -> %d, revision %d -> %d, active %s -> %s, mode %s, session %s,"
                        + " handing over to %s", left.epoch(), theirs.epoch(), left.revision(), theirs.revision(),
                left.activeDc(), theirs.activeDc(), theirs.mode(), Objects.requireNonNullElse(theirs.sessionName(), "none"),
                Objects.requireNonNullElse(theirs.handingOverTo(), "nobody"));
        return Optional.of(new Outcome(state, change));
    }

    /** Records an operator's decision on a quarantined write in the history; the state does not change. */
    @Transactional
    public StateChange recordQuarantineDecision(Operator operator, StateChangeKind kind, long quarantineId, String reason) {
        StateChange change = read(() -> {
            StateChange decision = StateChange.quarantineDecision(kind, current(), now(), config.id(), operator.userId(),
                    reason, quarantineId).approvedBy(operator.approvedBy());
            decision.persist();
            return decision;
        });
        LOG.infof("%s: %s for quarantine entry %d; reason: %s", operator.describe(), kind, quarantineId, reason);
        return change;
    }

    private Transition handingOver(DataCentreState state, String targetDc) {
        requireOneOfThePair(targetDc);
        requireNotActive(state, targetDc);
        requireActiveHere(state);
        state.snapshot().sessionName().ifPresent(session -> {
            throw new ProblemException(DataCentreProblemType.SESSION_OPEN,
                    "Session " + session + " is open; close it before switching over.").with("session", session);
        });
        return Transition.to(state.snapshot().handingOverTo(targetDc));
    }

    private Transition failingOver(DataCentreState state, String targetDc) {
        requireOneOfThePair(targetDc);
        if (!config.id().equals(targetDc)) {
            throw new ProblemException(DataCentreProblemType.INVALID_TARGET, "A fail-over is recorded by the data"
                    + " centre that takes over: ask " + targetDc + "'s datacentre-state, not " + config.id() + "'s.");
        }
        if (peer.confirmed()) {
            requireNotActive(state, targetDc);
        }
        return Transition.newEpoch(state.snapshot().activeAt(targetDc, DataCentreMode.FAILED_OVER));
    }

    /**
     * The state changes only where it is in force: at the active DC, once it has confirmed its
     * state, and not while it hands over. That keeps (epoch, revision) unique to one state.
     */
    private void requireActiveHere(DataCentreState state) {
        Optional<ProblemException> refusal = notActiveHere(state);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** Why this DC may not change {@code state} now (see {@link #requireActiveHere}), or empty when it may. */
    public Optional<ProblemException> notActiveHere(DataCentreState state) {
        String activeDc = state.snapshot().activeDc();
        if (!state.snapshot().isActiveAt(config.id())) {
            return Optional.of(new ProblemException(DataCentreProblemType.NOT_ACTIVE_DC, activeDc
                    + " is the active data centre; ask its datacentre-state.").with("activeDc", activeDc));
        }
        if (!peer.confirmed()) {
            return Optional.of(new ProblemException(DataCentreProblemType.NOT_ACTIVE_DC, config.id()
                    + " has not confirmed its state with its peer since it started; it acts as active only once it has"
                    + " (or after a fail-over to it).").with("activeDc", activeDc));
        }
        return state.snapshot().handingOverTo().map(target -> new ProblemException(DataCentreProblemType.HANDOVER_IN_PROGRESS,
                config.id() + " is handing over to " + target + "; wait for the switch-over to finish.")
                .with("handingOverTo", target));
    }

    private static void requireVersion(DataCentreState state, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != state.version()) {
            throw new ProblemException(DataCentreProblemType.STATE_CHANGED, "The state is at version "
                    + state.version() + ", not " + expectedVersion + "; reload it and decide again.")
                    .with("version", state.version());
        }
    }

    /**
     * The one way this DC changes the state. {@code decide} checks the action against the current
     * state and refuses it with a problem, or says which state to enter. Two operators acting on
     * the same state cannot both succeed: a stale {@code expectedVersion} is refused up front, and
     * a concurrent change between this read and the write fails the version check of the update.
     *
     * @param operator who asked (and approved), or null when the service acts on its own
     * @param note what the service adds to the reason in the history, or null
     */
    private Outcome change(StateChangeKind kind, Operator operator, String reason, String note, Long expectedVersion,
                           Function<DataCentreState, Transition> decide) {
        String who = operator == null ? "service" : operator.describe();
        DataCentreState state = current();
        Transition transition;
        try {
            requireVersion(state, expectedVersion);
            transition = decide.apply(state);
        } catch (ProblemException refused) {
            LOG.infof("%s: %s refused (%s) at epoch %d version %d", who, kind,
                    refused.problem().getType(), state.snapshot().epoch(), state.version());
            throw refused;
        }

        StateSnapshot left = state.enter(transition, now());
        flush();
        StateChange change = StateChange.byOperator(kind, left, state, transition, config.id(),
                operator == null ? null : operator.userId(), reason).noting(note).approvedBy(operator == null ? null : operator.approvedBy());
        change.persist();

        StateSnapshot entered = state.snapshot();
        LOG.infof("%s: %s; epoch %d -> %d, revision %d, active %s -> %s, mode %s, session %s, business functions %s,"
                        + " carry forward %s, handing over to %s%s; reason: %s%s", who, kind, left.epoch(), entered.epoch(),
                entered.revision(), left.activeDc(), entered.activeDc(), entered.mode(), entered.sessionName().orElse("none"),
                entered.businessFunctionsAvailable() ? "available" : "not available", entered.carryForward(),
                entered.handingOverTo().orElse("nobody"),
                Boolean.TRUE.equals(transition.outsideWindow()) ? ", OUTSIDE its window" : "", reason,
                note == null ? "" : " (" + note + ")");
        return new Outcome(state, change);
    }

    /** Writes the change now, so that a concurrent change is detected here and answered as such. */
    private static void flush() {
        try {
            DataCentreState.getEntityManager().flush();
        } catch (OptimisticLockException concurrent) {
            LOG.infof("A change to the data-centre state was refused: the state changed concurrently");
            throw new ProblemException(DataCentreProblemType.STATE_CHANGED,
                    "Another change to the data-centre state was made at the same moment; reload it and decide again.");
        }
    }

    private void requireOneOfThePair(String dcId) {
        if (!config.id().equals(dcId) && !config.peerId().equals(dcId)) {
            throw new ProblemException(DataCentreProblemType.INVALID_TARGET, dcId + " is neither this data centre ("
                    + config.id() + ") nor its peer (" + config.peerId() + ").");
        }
    }

    private static void requireNotActive(DataCentreState state, String dcId) {
        if (state.snapshot().isActiveAt(dcId)) {
            throw new ProblemException(DataCentreProblemType.ALREADY_ACTIVE,
                    dcId + " is already active (epoch " + state.snapshot().epoch() + ").");
        }
    }

    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (PersistenceException unreachable) {
            LOG.warnf("Data-centre state store unavailable: %s", unreachable.getMessage());
            throw new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "The data-centre state store is unavailable; try again shortly.", RETRY_AFTER_STORE_OUTAGE);
        }
    }

    /** The database keeps microseconds; truncating keeps the history and the API identical to it. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
