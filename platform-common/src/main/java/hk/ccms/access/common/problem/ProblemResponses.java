package hk.ccms.access.common.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/** Builds JAX-RS responses carrying a problem document. */
public final class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    /**
     * An error nobody expected: logged with an incident id that the response carries, so that
     * support can find the log line; nothing internal is put into the response.
     */
    public static Response unexpected(Throwable exception) {
        String incidentId = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected error, incidentId=%s", incidentId);
        return of(Problem.of(CommonProblemType.INTERNAL_ERROR,
                "The request could not be completed. Quote the incident id to support.")
                .with("incidentId", incidentId));
    }

    public static Response of(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(ProblemException exception) {
        Response.ResponseBuilder builder = Response.status(exception.problem().getStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(exception.problem());
        exception.retryAfter().ifPresent(retryAfter -> builder.header(HttpHeaders.RETRY_AFTER, retryAfterHeader(retryAfter)));
        return builder.build();
    }

    public static String retryAfterHeader(Duration retryAfter) {
        return Long.toString(ProblemException.retryAfterSeconds(retryAfter));
    }
}
