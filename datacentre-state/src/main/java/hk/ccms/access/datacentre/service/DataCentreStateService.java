package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.SessionDefinition;
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
    private final Clock clock;

    public DataCentreStateService(DataCentreConfig config, Clock clock) {
        this.config = config;
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
        LOG.infof("This is data centre %s (%s), peer %s", config.id(), config.role(), config.peerId());
        initialiseIfAbsent();
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
     * Planned switch-over to {@code targetDc}, this DC or its peer: a new epoch, normal production
     * there. Not while a session is open: the session belongs to the DC that runs it.
     * <p>
     * Draining replication to zero lag before the epoch rises comes with replication (issue 5);
     * until then the switch is immediate.
     */
    @Transactional
    public Outcome switchOver(Operator operator, String targetDc, String reason, Long expectedVersion) {
        return change(StateChangeKind.SWITCHED_OVER, operator, reason, expectedVersion, state -> {
            requireOneOfThePair(targetDc);
            requireNotActive(state, targetDc);
            state.snapshot().sessionName().ifPresent(session -> {
                throw new ProblemException(DataCentreProblemType.SESSION_OPEN,
                        "Session " + session + " is open; close it before switching over.").with("session", session);
            });
            return Transition.to(state.snapshot().activeAt(targetDc, DataCentreMode.NORMAL));
        });
    }

    /**
     * Disaster fail-over: this DC takes a new epoch without its peer. Only the DC that takes over
     * records it, because the peer is presumed lost. An open session (necessarily at the lost peer)
     * ends with it: a disaster does not wait for a rehearsal to be closed.
     */
    @Transactional
    public Outcome failOver(Operator operator, String targetDc, String reason, Long expectedVersion) {
        return change(StateChangeKind.FAILED_OVER, operator, reason, expectedVersion, state -> {
            requireOneOfThePair(targetDc);
            if (!config.id().equals(targetDc)) {
                throw new ProblemException(DataCentreProblemType.INVALID_TARGET, "A fail-over is recorded by the data"
                        + " centre that takes over: ask " + targetDc + "'s datacentre-state, not " + config.id() + "'s.");
            }
            requireNotActive(state, targetDc);
            return Transition.to(state.snapshot().activeAt(targetDc, DataCentreMode.FAILED_OVER));
        });
    }

    /**
     * Opens the configured session {@code name} on its own terms (business functions, carry-forward).
     * Outside its window it still opens, for rehearsals, but the history and the state say so.
     */
    @Transactional
    public Outcome openSession(Operator operator, String name, String reason, Long expectedVersion) {
        return change(StateChangeKind.SESSION_OPENED, operator, reason, expectedVersion, state -> {
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
            boolean outsideWindow = !session.window().contains(clock.instant());
            return Transition.openingSession(state.snapshot().inSession(session), outsideWindow);
        });
    }

    /**
     * Closes the open session: business functions open, changes carry forward again. Discarding
     * what a no-carry-forward session changed comes with replication (issue 5).
     */
    @Transactional
    public Outcome closeSession(Operator operator, String reason, Long expectedVersion) {
        return change(StateChangeKind.SESSION_CLOSED, operator, reason, expectedVersion, state -> {
            if (state.snapshot().sessionName().isEmpty()) {
                throw new ProblemException(DataCentreProblemType.NO_SESSION_OPEN, "No session is open.");
            }
            return Transition.to(state.snapshot().withoutSession());
        });
    }

    /**
     * The one way an operator changes the state. {@code decide} checks the action against the
     * current state and refuses it with a problem, or says which state to enter. Two operators
     * acting on the same state cannot both succeed: a stale {@code expectedVersion} is refused up
     * front, and a concurrent change between this read and the write fails the version check of
     * the update.
     */
    private Outcome change(StateChangeKind kind, Operator operator, String reason, Long expectedVersion,
                           Function<DataCentreState, Transition> decide) {
        DataCentreState state = current();
        Transition transition;
        try {
            if (expectedVersion != null && expectedVersion != state.version()) {
                throw new ProblemException(DataCentreProblemType.STATE_CHANGED, "The state is at version "
                        + state.version() + ", not " + expectedVersion + "; reload it and decide again.")
                        .with("version", state.version());
            }
            transition = decide.apply(state);
        } catch (ProblemException refused) {
            LOG.infof("Operator %s: %s refused (%s) at epoch %d version %d", operator.userId(), kind,
                    refused.problem().getType(), state.snapshot().epoch(), state.version());
            throw refused;
        }

        StateSnapshot left = state.enter(transition, now());
        try {
            DataCentreState.getEntityManager().flush();
        } catch (OptimisticLockException concurrent) {
            LOG.infof("Operator %s: %s refused, the state changed concurrently", operator.userId(), kind);
            throw new ProblemException(DataCentreProblemType.STATE_CHANGED,
                    "Another change to the data-centre state was made at the same moment; reload it and decide again.");
        }
        StateChange change = StateChange.byOperator(kind, left, state, transition, config.id(), operator.userId(), reason);
        change.persist();

        StateSnapshot entered = state.snapshot();
        LOG.infof("Operator %s: %s; epoch %d -> %d, active %s -> %s, mode %s, session %s, business functions %s,"
                        + " carry forward %s%s; reason: %s", operator.userId(), kind, left.epoch(), entered.epoch(),
                left.activeDc(), entered.activeDc(), entered.mode(), entered.sessionName().orElse("none"),
                entered.businessFunctionsAvailable() ? "available" : "not available", entered.carryForward(),
                Boolean.TRUE.equals(transition.outsideWindow()) ? ", OUTSIDE its window" : "", reason);
        return new Outcome(state, change);
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
