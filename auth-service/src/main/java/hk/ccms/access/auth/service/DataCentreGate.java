package hk.ccms.access.auth.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.common.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    }

    private final Optional<URI> stateUrl;
    private final Duration maxStaleness;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Reading last;

    public DataCentreGate(AuthConfig config, ObjectMapper json, Clock clock) {
        this.stateUrl = config.datacentreState().url().map(url -> URI.create(url.replaceAll("/+$", "") + "/api/v1/datacentre"));
        this.maxStaleness = config.datacentreState().maxStaleness();
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "${ccms.auth.datacentre-state.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        stateUrl.ifPresent(url -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    LOG.warnf("datacentre-state answered %d; keeping the last reading until it is stale", response.statusCode());
                    return;
                }
                JsonNode status = json.readTree(response.body());
                JsonNode state = status.path("state");
                last = new Reading(status.path("dataCentre").path("id").asText(), status.path("thisDcIsActive").asBoolean(false),
                        state.path("activeDc").asText(), state.path("epoch").asLong(),
                        sessionName(state.path("session")),
                        businessFunctionsAvailable(state), clock.instant());
            } catch (IOException unreachable) {
                LOG.warnf("datacentre-state unreachable (%s); keeping the last reading until it is stale", unreachable.getClass().getSimpleName());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Open unless the state says otherwise; a state without the field predates sessions, so only an open session closes them. */
    private static boolean businessFunctionsAvailable(JsonNode state) {
        JsonNode available = state.path("businessFunctionsAvailable");
        return available.isBoolean() ? available.asBoolean() : sessionName(state.path("session")) == null;
    }

    private static String sessionName(JsonNode session) {
        if (session.isObject()) {
            return session.path("name").asText();
        }
        return session.isTextual() ? session.asText() : null;
    }

    /** Logins and account writes: only at the active data centre, and only while that is known. */
    public void requireActive() {
        Optional<Reading> reading = trustedReading();
        if (reading.isEmpty()) {
            return;
        }
        if (!reading.get().active()) {
            throw new ProblemException(AuthProblemType.STANDBY,
                    "This data centre (" + reading.get().thisDc() + ") is on standby; the active data centre is "
                            + reading.get().activeDc() + ".", RETRY_AFTER).with("activeDataCentre", reading.get().activeDc());
        }
    }

    /** Business functions: closed while a test session says "Function not available". */
    public void requireBusinessFunctions() {
        requireActive();
        Optional<Reading> reading = trustedReading();
        if (reading.isPresent() && !reading.get().businessFunctionsAvailable()) {
            throw new ProblemException(AuthProblemType.FUNCTION_NOT_AVAILABLE,
                    "Function not available" + (reading.get().session() == null ? "." : " during " + reading.get().session() + "."));
        }
    }

    /** The last reading and whether it is still to be trusted; empty for a single data centre. */
    public record Freshness(Reading reading, boolean fresh) {
    }

    public Optional<Freshness> currentReading() {
        if (stateUrl.isEmpty()) {
            return Optional.empty();
        }
        Reading reading = last;
        return Optional.of(new Freshness(reading, isFresh(reading)));
    }

    private boolean isFresh(Reading reading) {
        return reading != null && !reading.readAt().plus(maxStaleness).isBefore(clock.instant());
    }

    /** The reading to act on; empty for a single data centre; refused when datacentre-state has not been heard from recently. */
    private Optional<Reading> trustedReading() {
        if (stateUrl.isEmpty()) {
            return Optional.empty();
        }
        Reading reading = last;
        if (!isFresh(reading)) {
            throw new ProblemException(AuthProblemType.DATACENTRE_STATE_UNKNOWN,
                    "Whether this data centre is active cannot be confirmed right now; try again shortly.", RETRY_AFTER);
        }
        return Optional.of(reading);
    }
}
