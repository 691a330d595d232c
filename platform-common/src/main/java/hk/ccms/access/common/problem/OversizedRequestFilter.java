package hk.ccms.access.common.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a request whose declared body is larger than the configured limit before anything
 * reads it, answering with problem+json instead of the HTTP layer's bare 413. Bodies without a
 * Content-Length are still cut off by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class OversizedRequestFilter {

    private static final int PRIORITY = 1000;

    private final long maxBodyBytes;
    private final String body;

    public OversizedRequestFilter(@ConfigProperty(name = "ccms.http.max-request-body-bytes", defaultValue = "16384") long maxBodyBytes,
                                  ObjectMapper objectMapper) throws Exception {
        this.maxBodyBytes = maxBodyBytes;
        this.body = objectMapper.writeValueAsString(Problem.of(CommonProblemType.PAYLOAD_TOO_LARGE,
                "The request body may not exceed " + maxBodyBytes + " bytes."));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            context.next();
        }, PRIORITY);
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }
}
