package hk.ccms.access.auth.service;

import hk.ccms.access.auth.client.DataCentreStateClient;
import hk.ccms.access.auth.config.AuthConfig;
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

    /** What datacentre-state last said, and when. */
    public record Reading(String thisDc, boolean active, String activeDc, long epoch, String session,
                          boolean businessFunctionsAvailable, Instant readAt) {
        static Reading of(DataCentreStateClient.Status status, Instant readAt) {
            return new Reading(status.dataCentre().id(), status.thisDcIsActive(), status.state().activeDc(), status.state().epoch(),
                    status.openSession(), status.state().businessFunctionsAvailable(), readAt);
        }
    }

    /** The last reading and whether it is still to be trusted. */
    public record Freshness(Reading reading, boolean fresh) {
    }

    private final DataCentreStateClient client;
    private final Duration maxStaleness;
    private final Clock clock;
    private volatile Reading last;

    public DataCentreGate(DataCentreStateClient client, AuthConfig config, Clock clock) {
        this.client = client;
        this.maxStaleness = config.datacentreState().maxStaleness();
        this.clock = clock;
    }

    @Scheduled(every = "${ccms.auth.datacentre-state.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            client.read().ifPresentOrElse(status -> last = Reading.of(status, clock.instant()),
                    () -> LOG.warn("datacentre-state did not answer with its state; keeping the last reading until it is stale"));
        } catch (IOException unreachable) {
            LOG.warnf("datacentre-state unreachable (%s); keeping the last reading until it is stale", unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logins and account writes: only at the active data centre, and only while that is known. */
    public void requireActive() {
        trustedReading().ifPresent(DataCentreGate::requireActive);
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
        Reading reading = last;
        return Optional.of(new Freshness(reading, isFresh(reading)));
    }

    private static void requireActive(Reading reading) {
        if (!reading.active()) {
            throw new ProblemException(AuthProblemType.STANDBY,
                    "This data centre (" + reading.thisDc() + ") is on standby; the active data centre is "
                            + reading.activeDc() + ".", RETRY_AFTER).with("activeDataCentre", reading.activeDc());
        }
    }

    private boolean isFresh(Reading reading) {
        return reading != null && !reading.readAt().plus(maxStaleness).isBefore(clock.instant());
    }

    /** The reading to act on; empty for a single data centre; refused when datacentre-state has not been heard from recently. */
    private Optional<Reading> trustedReading() {
        return currentReading().map(freshness -> {
            if (!freshness.fresh()) {
                throw new ProblemException(AuthProblemType.DATACENTRE_STATE_UNKNOWN,
                        "Whether this data centre is active cannot be confirmed right now; try again shortly.", RETRY_AFTER);
            }
            return freshness.reading();
        });
    }
}
