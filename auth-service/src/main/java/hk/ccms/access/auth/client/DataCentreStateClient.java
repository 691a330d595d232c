package hk.ccms.access.auth.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.service.DataCentreReading;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads this data centre's state from its datacentre-state (the public status endpoint). */
@ApplicationScoped
public class DataCentreStateClient {

    /**
     * The parts of datacentre-state's status this service acts on. {@code confirmed} is absent
     * (null) from a datacentre-state without a peer, which is confirmed by definition.
     */
    public record Status(DataCentre dataCentre, State state, Boolean confirmed) {
        public record DataCentre(String id) {
        }

        public record State(long epoch, long revision, String activeDc, String handingOverTo, Session session,
                            boolean businessFunctionsAvailable, boolean carryForward) {
        }

        public record Session(String name) {
        }

        public DataCentreReading reading(Instant readAt) {
            return new DataCentreReading(dataCentre.id(), state.activeDc(), state.epoch(), state.revision(), state.handingOverTo(),
                    confirmed == null || confirmed, state.session() == null ? null : state.session().name(),
                    state.carryForward(), state.businessFunctionsAvailable(), readAt);
        }
    }

    private final Optional<URI> statusUrl;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public DataCentreStateClient(AuthConfig config, ObjectMapper json) {
        this.statusUrl = config.datacentreState().url().map(url -> URI.create(url.replaceAll("/+$", "") + "/api/v1/datacentre"));
        this.json = json;
    }

    /** False for a single data centre (no datacentre-state configured). */
    public boolean configured() {
        return statusUrl.isPresent();
    }

    /** The current status; empty when datacentre-state did not answer 200. */
    public Optional<Status> read() throws IOException, InterruptedException {
        if (statusUrl.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(statusUrl.get()).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Optional.of(json.readValue(response.body(), Status.class)) : Optional.empty();
    }
}
