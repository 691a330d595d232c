package hk.ccms.access.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns every failure that reaches the REST layer into problem+json. Nothing internal (class
 * names, stack traces, SQL) is ever put into a response; unexpected errors are logged with an
 * incident id that the response carries so that support can find the log line.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return ProblemResponses.of(exception);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception) {
        List<Map<String, String>> violations = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(violation -> fieldName(violation.getPropertyPath())))
                .map(ProblemExceptionMappers::violation)
                .toList();
        return ProblemResponses.of(Problem.of(CommonProblemType.VALIDATION_FAILED,
                "One or more fields are missing or invalid.").with("violations", violations));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException exception) {
        return ProblemResponses.of(Problem.of(CommonProblemType.MALFORMED_REQUEST,
                "The request body is not valid JSON of the expected shape."));
    }

    /** Replaces the JSON binding's own mapper, which answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException exception) {
        return unreadable(exception);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated() {
        return ProblemResponses.of(Problem.of(CommonProblemType.UNAUTHENTICATED,
                "A valid access token is required."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return ProblemResponses.of(Problem.of(CommonProblemType.FORBIDDEN,
                "The presented credentials do not allow this action."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> CommonProblemType.MALFORMED_REQUEST;
            case 401 -> CommonProblemType.UNAUTHENTICATED;
            case 403 -> CommonProblemType.FORBIDDEN;
            case 404 -> CommonProblemType.NOT_FOUND;
            case 405 -> CommonProblemType.METHOD_NOT_ALLOWED;
            case 406 -> CommonProblemType.NOT_ACCEPTABLE;
            case 413 -> CommonProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> CommonProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            return unexpected(exception);
        }
        return ProblemResponses.of(Problem.of(type, type.title() + "."));
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable exception) {
        return ProblemResponses.unexpected(exception);
    }

    private static Map<String, String> violation(ConstraintViolation<?> violation) {
        return Map.of("field", fieldName(violation.getPropertyPath()), "message", violation.getMessage());
    }

    /** The last named node of a path such as {@code login.request.userId}: the JSON field the client sent. */
    private static String fieldName(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD
                    && node.getKind() != jakarta.validation.ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name.isEmpty() ? "body" : name;
    }
}
