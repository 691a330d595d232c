package hk.ccms.access.datacentre.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.service.OperatorSession;
import hk.ccms.access.datacentre.service.OperatorSessions;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks auth-service of this DC about an operator's session, with the operator's own bearer token:
 * {@code GET {auth-url}/api/v1/operations/session} answers 200 with the session while it is live
 * and 401 once it was logged out, expired or its account disabled; {@code POST
 * {auth-url}/api/v1/session/logout} ends it. Anything else (no answer in time, refused connection,
 * another status, an unreadable session) means auth-service cannot vouch for the session, and an
 * operator action on the data-centre state must not go ahead on a guess.
 */
@ApplicationScoped
public class AuthServiceOperatorSessions implements OperatorSessions {

    static final String SESSION_PATH = "/api/v1/operations/session";
    static final String LOGOUT_PATH = "/api/v1/session/logout";

    private static final Logger LOG = Logger.getLogger(AuthServiceOperatorSessions.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final URI sessionUri;
    private final URI logoutUri;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;

    public AuthServiceOperatorSessions(DataCentreConfig config, ObjectMapper json) {
        String base = config.authService().url().toString().replaceAll("/+$", "");
        this.sessionUri = URI.create(base + SESSION_PATH);
        this.logoutUri = URI.create(base + LOGOUT_PATH);
        this.timeout = config.authService().timeout();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<OperatorSession> live(String accessToken) {
        HttpResponse<String> answer = send(request(sessionUri, accessToken).GET().build(), "confirm");
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(sessionOf(answer.body()));
            case 401 -> Optional.empty();
            default -> throw unavailable("confirm", sessionUri, "status " + answer.statusCode());
        };
    }

    @Override
    public void end(String accessToken) {
        HttpResponse<String> answer = send(request(logoutUri, accessToken).POST(HttpRequest.BodyPublishers.noBody()).build(), "end");
        int status = answer.statusCode();
        // 401: the session had ended already, which is what logout wants.
        if ((status < 200 || status > 299) && status != 401) {
            throw unavailable("end", logoutUri, "status " + status);
        }
    }

    private HttpRequest.Builder request(URI uri, String accessToken) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw unavailable(what, request.uri(), "no answer: " + unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(what, request.uri(), "interrupted");
        }
    }

    private OperatorSession sessionOf(String body) {
        try {
            OperatorSession session = json.readValue(body, OperatorSession.class);
            if (session == null || session.userId() == null) {
                throw unavailable("confirm", sessionUri, "a session without a user id");
            }
            return session;
        } catch (IOException unreadable) {
            throw unavailable("confirm", sessionUri, "an unreadable session");
        }
    }

    private static ProblemException unavailable(String what, URI uri, String why) {
        LOG.warnf("auth-service cannot %s an operator session (%s at %s); refusing the operator request", what, why, uri);
        return new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                "auth-service cannot " + what + " the operator session; try again shortly.", RETRY_AFTER);
    }
}
