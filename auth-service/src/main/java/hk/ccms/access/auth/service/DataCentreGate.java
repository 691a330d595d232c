package hk.ccms.access.auth.service;

import hk.ccms.access.auth.client.DataCentreStateClient;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.replication.ReplicationScope;
import hk.ccms.access.auth.service.replication.ReplicationScopes;
import hk.ccms.access.common.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether this data centre may take logins and account writes now, and whether business
 * functions are open. Read from datacentre-state of the same data centre every
 * {@code refresh-interval}; a reading older than {@code max-staleness} is not trusted, and then
 * logins and writes are refused (fail closed: two data centres must never both believe they are
 * active). Without a configured URL the service is a single, always-active data centre.
 */
@ApplicationScoped
public class DataCentreGate {

    private static final Logger LOG = Logger.getLogger(DataCentreGate.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The last reading and whether it is still to be trusted. */
    public record Freshness(DataCentreReading reading, boolean fresh) {
    }

    private final DataCentreStateClient client;
    private final ReplicationScopes scopes;
    private final Duration maxStaleness;
    private final Clock clock;
    private volatile DataCentreReading last;

    public DataCentreGate(DataCentreStateClient client, ReplicationScopes scopes, AuthConfig config, Clock clock) {
        this.client = client;
        this.scopes = scopes;
        this.maxStaleness = config.datacentreState().maxStaleness();
        this.clock = clock;
    }

    @Scheduled(every = "${ccms.auth.datacentre-state.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            client.read().ifPresentOrElse(status -> accept(status.reading(clock.instant())),
                    () -> LOG.warn("datacentre-state did not answer with its state; keeping the last reading until it is stale"));
        } catch (ProblemException refused) {
            LOG.warnf("datacentre-state's status was not adopted: %s", refused.problem().getDetail());
        } catch (IOException unreachable) {
            LOG.warnf("datacentre-state unreachable (%s); keeping the last reading until it is stale", unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes a reading (read here or pushed by datacentre-state): the database fence follows it
     * first, so that when this returns, account writes are refused if the reading says so.
     * An older reading than the one held changes nothing.
     */
    public ReplicationScope accept(DataCentreReading reading) {
        ReplicationScope scope = scopes.adopt(reading);
        synchronized (this) {
            if (reading.notOlderThan(last)) {
                last = reading;
            }
        }
        return scope;
    }

    /** Logins and account writes: only at the active data centre, and only while that is known. */
    public void requireActive() {
        trustedReading().ifPresent(DataCentreGate::requireActive);
    }

    /**
     * An OTP login step for {@code function}: only at the active data centre, except for the
     * operations console, which operators use at either data centre (a fail-over is made at the
     * standby). Nothing an operator's login writes there is replicated (see migration V4).
     */
    public void requireActiveFor(PortalFunction function) {
        if (function != PortalFunction.OPERATIONS_CONSOLE) {
            requireActive();
        }
    }

    /** Whether account writes are expected to be taken here now (the database fence decides in the end). */
    public boolean acceptsWrites() {
        return currentReading().map(freshness -> freshness.fresh() && freshness.reading().active()).orElse(true);
    }

    /** Business functions: closed while a test session says "Function not available". */
    public void requireBusinessFunctions() {
        trustedReading().ifPresent(reading -> {
            requireActive(reading);
            if (!reading.businessFunctionsAvailable()) {
                throw new ProblemException(AuthProblemType.FUNCTION_NOT_AVAILABLE,
                        "Function not available" + (reading.session() == null ? "." : " during " + reading.session() + "."));
            }
        });
    }

    /** Empty for a single data centre. */
    public Optional<Freshness> currentReading() {
        if (!client.configured()) {
            return Optional.empty();
        }
        DataCentreReading reading = last;
        return Optional.of(new Freshness(reading, isFresh(reading)));
    }

    private static void requireActive(DataCentreReading reading) {
        if (!reading.active()) {
            throw new ProblemException(AuthProblemType.STANDBY,
                    "This data centre (" + reading.thisDc() + ") is on standby; the active data centre is "
                            + reading.activeDc() + ".", RETRY_AFTER).with("activeDataCentre", reading.activeDc());
        }
    }

    private boolean isFresh(DataCentreReading reading) {
        return reading != null && !reading.readAt().plus(maxStaleness).isBefore(clock.instant());
    }

    /** The reading to act on; empty for a single data centre; refused when datacentre-state has not been heard from recently. */
    private Optional<DataCentreReading> trustedReading() {
        return currentReading().map(freshness -> {
            if (!freshness.fresh()) {
                throw new ProblemException(AuthProblemType.DATACENTRE_STATE_UNKNOWN,
                        "Whether this data centre is active cannot be confirmed right now; try again shortly.", RETRY_AFTER);
            }
            return freshness.reading();
        });
    }
}
