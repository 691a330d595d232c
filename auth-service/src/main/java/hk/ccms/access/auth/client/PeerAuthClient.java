package hk.ccms.access.auth.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.common.link.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * auth-service of the peer data centre, over the data-centre link (a link token on every call).
 * A refusal carries the peer's problem type, so that callers can act on it (e.g. a later epoch).
 */
@ApplicationScoped
public class PeerAuthClient {

    static final String AUDIENCE = "auth-service";

    /** The peer answered, but not with success. */
    public static final class Refused extends Exception {
        private final int status;
        private final String type;

        Refused(int status, String type, String detail) {
            super("peer answered " + status + " " + type + (detail == null ? "" : ": " + detail));
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        /** The problem type's slug (the last segment of its URI), empty when the answer was not a problem. */
        public String type() {
            return type;
        }
    }

    private final Optional<URI> peer;
    private final Duration timeout;
    private final LinkTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    public PeerAuthClient(AuthConfig config, LinkTokens tokens, ObjectMapper json) {
        this.peer = config.replication().peerUrl().filter(url -> !url.isBlank())
                .map(url -> URI.create(url.replaceAll("/+$", "")));
        this.timeout = config.replication().peerTimeout();
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Whether there is a peer to replicate with: its URL and the link key are both configured. */
    public boolean configured() {
        return peer.isPresent() && tokens.configured();
    }

    public <T> T post(String path, Object body, Class<T> answer) throws IOException, InterruptedException, Refused {
        URI uri = peer.orElseThrow(() -> new IllegalStateException("No peer auth-service is configured")).resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", tokens.authorization(AUDIENCE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw refusal(response);
        }
        return json.readValue(response.body(), answer);
    }

    private Refused refusal(HttpResponse<byte[]> response) {
        String type = "";
        String detail = null;
        try {
            JsonNode problem = json.readTree(response.body());
            type = problem.path("type").asText("").replaceFirst(".*/", "");
            detail = problem.path("detail").asText(null);
        } catch (IOException notAProblem) {
            // The status alone says enough.
        }
        return new Refused(response.statusCode(), type, detail);
    }
}
