package hk.ccms.access.datacentre.client;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.service.OperatorSessions;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks auth-service of this DC whether an operator's session is live:
 * {@code GET {auth-url}/api/v1/operations/session} with the operator's own bearer token answers
 * 200 while it is, 401 once it was logged out, expired or its account disabled. Anything else
 * (no answer in time, refused connection, another status) means auth-service cannot vouch for the
 * session, and an operator action on the data-centre state must not go ahead on a guess.
 */
@ApplicationScoped
public class AuthServiceOperatorSessions implements OperatorSessions {

    static final String SESSION_PATH = "/api/v1/operations/session";

    private static final Logger LOG = Logger.getLogger(AuthServiceOperatorSessions.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final URI sessionUri;
    private final Duration timeout;
    private final HttpClient http;

    public AuthServiceOperatorSessions(DataCentreConfig config) {
        String base = config.authService().url().toString();
        this.sessionUri = URI.create(base.replaceAll("/+$", "") + SESSION_PATH);
        this.timeout = config.authService().timeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public boolean isLive(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(sessionUri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            throw unavailable("no answer: " + unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        return switch (status) {
            case 200 -> true;
            case 401 -> false;
            default -> throw unavailable("status " + status);
        };
    }

    private ProblemException unavailable(String what) {
        LOG.warnf("auth-service cannot confirm an operator session (%s at %s); refusing the operator request", what, sessionUri);
        return new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                "auth-service cannot confirm the operator session; try again shortly.", RETRY_AFTER);
    }
}
