package hk.ccms.access.common.link;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls to another service of the platform over the data-centre link (e.g. datacentre-state to
 * its auth-service or to its peer, auth-service to the peer's) with a link token for the called
 * service, JSON both ways. Redirects are not followed, so the token
 * goes nowhere else.
 */
@ApplicationScoped
public class LinkCalls {

    /** No usable answer: no connection, no answer in time, an unreadable body, or no link key to sign with. */
    public static final class Failed extends Exception {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** An answer: its status and body. */
    public record Answer(int status, String body) {

        public boolean ok() {
            return status == 200;
        }
    }

    private final LinkTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    public LinkCalls(LinkTokens tokens, ObjectMapper json, LinkConfig config) {
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Answer send(String method, URI uri, String audience, Object body, Duration timeout) throws Failed {
        if (!tokens.configured()) {
            throw new Failed("no data-centre link key is configured (CCMS_DC_LINK_KEY)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", tokens.authorization(audience))
                .header("Accept", "application/json, application/problem+json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException unreachable) {
            throw new Failed("no answer: " + unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }

    public <T> T read(Answer answer, Class<T> type) throws Failed {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException unreadable) {
            throw new Failed("unreadable answer (status " + answer.status() + ")");
        }
    }

    public <T> T read(Answer answer, TypeReference<T> type) throws Failed {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException unreadable) {
            throw new Failed("unreadable answer (status " + answer.status() + ")");
        }
    }

    /**
     * The problem document of a 4xx answer from a platform service, as a problem of the same status
     * and type to pass on; empty when the answer is not one (then the caller treats it as a failure).
     */
    public Optional<ProblemException> problemOf(Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500) {
            return Optional.empty();
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            String type = problem.path("type").asText("");
            if (!type.startsWith(ProblemType.URN_PREFIX) || problem.path("status").asInt() != answer.status()) {
                return Optional.empty();
            }
            ProblemType passedOn = ProblemType.of(type.substring(ProblemType.URN_PREFIX.length()),
                    problem.path("title").asText(""), answer.status());
            return Optional.of(new ProblemException(passedOn, problem.path("detail").asText(passedOn.title())));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Base URL and path joined without a doubled slash. */
    public static URI resolve(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}
