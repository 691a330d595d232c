package hk.ccms.access.common.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/** Builds JAX-RS responses carrying a problem document. */
public final class ProblemResponses {

    private ProblemResponses() {
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
