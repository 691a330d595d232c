package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.StateChange;
import hk.ccms.access.datacentre.domain.StateChangeKind;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Owns the data-centre state of this DC: creates it on first start and reads it. */
@ApplicationScoped
public class DataCentreStateService {

    private static final Logger LOG = Logger.getLogger(DataCentreStateService.class);
    private static final Duration RETRY_AFTER_STORE_OUTAGE = Duration.ofSeconds(5);

    private final DataCentreConfig config;

    public DataCentreStateService(DataCentreConfig config) {
        this.config = config;
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
        // The database keeps microseconds; truncating keeps the history and the API identical to it.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!DataCentreState.initialiseIfAbsent(config.primaryDcId(), now)) {
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
        DataCentreState state;
        try {
            state = DataCentreState.current().orElse(null);
        } catch (PersistenceException unreachable) {
            // A primary-key read on a validated schema fails only when the database cannot be used.
            LOG.warnf("Data-centre state store unavailable: %s", unreachable.getMessage());
            throw new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "The data-centre state store is unavailable; try again shortly.", RETRY_AFTER_STORE_OUTAGE);
        }
        if (state == null) {
            throw new IllegalStateException("No data-centre state although it is created at start-up");
        }
        return state;
    }
}
