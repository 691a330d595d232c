package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.SessionDefinition;
import hk.ccms.access.datacentre.domain.SessionWindow;
import hk.ccms.access.datacentre.domain.StateChange;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens and closes this data centre's sessions on their windows, when configured to
 * ({@code ccms.datacentre.sessions.scheduled}); operators still open and close them at any time.
 * It acts through {@link OperatorActions} as operators do (same checks, history, publication to
 * auth-service and push to the peer), as {@link Operator#SCHEDULER} and without two-person
 * approval: it carries out the configuration, it decides nothing.
 * <p>
 * It takes nothing from operators: it opens a session in its window only where operators could
 * (the active, confirmed DC, not handing over) and only when no session is open, and at most once
 * per window: once the session was opened or closed in that window, by anyone, the window is
 * served, so an operator who closes it early is not overruled. It closes only a session it opened
 * itself, once that window has ended; a session an operator opened (a rehearsal outside its
 * window) is theirs to close. All of this is read from the history, so a restart changes nothing.
 */
@ApplicationScoped
public class SessionScheduler {

    private static final Logger LOG = Logger.getLogger(SessionScheduler.class);

    private final DataCentreConfig config;
    private final DataCentreStateService states;
    private final OperatorActions actions;
    private final Clock clock;
    /** Per session, the refusal last logged (window, action, problem): logged once per window, not at every check. */
    private final Map<String, String> refusalsLogged = new ConcurrentHashMap<>();

    public SessionScheduler(DataCentreConfig config, DataCentreStateService states, OperatorActions actions, Clock clock) {
        this.config = config;
        this.states = states;
        this.actions = actions;
        this.clock = clock;
    }

    @Scheduled(identity = "session-scheduler", every = "${ccms.datacentre.sessions.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.sessions().scheduled() || !states.started()) {
            return;
        }
        try {
            check(clock.instant());
        } catch (ProblemException failed) {
            // The store being down is reported by every request already; the next check tries again.
            LOG.debugf("Session schedule not checked: %s", failed.getMessage());
        }
    }

    /** One change at most per check: the next check starts from the state it left. */
    private void check(Instant now) {
        DataCentreState state = states.current();
        Optional<SessionDefinition> open = states.openSession(state);
        if (open.isPresent() && closedAsItsWindowEnded(state, open.get(), now)) {
            return;
        }
        LocalDate today = SessionWindow.dayOf(now);
        for (SessionDefinition session : states.sessionDefinitions()) {
            if (!due(session, now, today)) {
                continue;
            }
            if (open.isEmpty()) {
                openSession(state, session, today);
                return;
            }
            if (!open.get().name().equals(session.name())) {
                logRefusal(session, today, "opened", DataCentreProblemType.SESSION_OPEN.slug() + ": session "
                        + open.get().name() + " is open");
            }
        }
    }

    /** A session of this DC whose window is running and not yet served: nobody opened or closed it in this window. */
    private boolean due(SessionDefinition session, Instant now, LocalDate today) {
        SessionWindow window = session.window();
        return session.dataCentre().equals(config.id()) && window.contains(now)
                && !states.sessionOpenedOrClosed(session.name(), window.startOn(today), window.endOn(today));
    }

    private void openSession(DataCentreState state, SessionDefinition session, LocalDate day) {
        Optional<ProblemException> notHere = states.notActiveHere(state);
        if (notHere.isPresent()) {
            logRefusal(session, day, "opened", notHere.get().getMessage());
            return;
        }
        try {
            actions.openSession(Operator.SCHEDULER, session.name(), "window " + session.window().describeOn(day) + " opened",
                    state.version());
        } catch (ProblemException refused) {
            logRefusal(session, day, "opened", refused.getMessage());
        }
    }

    /** @return whether it closed the session */
    private boolean closedAsItsWindowEnded(DataCentreState state, SessionDefinition session, Instant now) {
        boolean openedOnSchedule = states.sessionOpening(state).map(StateChange::actor)
                .filter(Operator.SCHEDULER.userId()::equals).isPresent();
        if (!openedOnSchedule) {
            return false;
        }
        // The scheduler opens a session only inside its window, so the day it opened it is the window's day.
        LocalDate day = SessionWindow.dayOf(state.sessionOpenedAt().orElseThrow());
        if (now.isBefore(session.window().endOn(day))) {
            return false;
        }
        Optional<ProblemException> notHere = states.notActiveHere(state);
        if (notHere.isPresent()) {
            logRefusal(session, day, "closed", notHere.get().getMessage());
            return false;
        }
        try {
            actions.closeSession(Operator.SCHEDULER, "window " + session.window().describeOn(day) + " ended", state.version());
            return true;
        } catch (ProblemException refused) {
            logRefusal(session, day, "closed", refused.getMessage());
            return false;
        }
    }

    /** {@code why} names the problem and says what it is, e.g. {@code not-active-dc: SDC is the active data centre …}. */
    private void logRefusal(SessionDefinition session, LocalDate day, String action, String why) {
        String refusal = day + " " + action + " " + why;
        if (!refusal.equals(refusalsLogged.put(session.name(), refusal))) {
            LOG.warnf("Scheduler: session %s not %s on schedule (window %s): %s", session.name(), action,
                    session.window().describeOn(day), why);
        }
    }
}
