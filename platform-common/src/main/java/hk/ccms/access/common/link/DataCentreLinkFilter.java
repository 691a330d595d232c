package hk.ccms.access.common.link;

import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.common.problem.ProblemResponses;
import hk.ccms.access.common.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Admits a call to a {@link DataCentreLink} endpoint only with a valid link token for this service. */
@Provider
@DataCentreLink
@Priority(Priorities.AUTHENTICATION)
public class DataCentreLinkFilter implements ContainerRequestFilter {

    public static final ProblemType LINK_UNAUTHENTICATED = ProblemType.of("link-unauthenticated",
            "Only the platform's own services may call this endpoint", 401);
    public static final ProblemType LINK_NOT_CONFIGURED = ProblemType.of("link-not-configured",
            "This data centre has no link to another", 503);

    private static final Logger LOG = Logger.getLogger(DataCentreLinkFilter.class);
    private static final String BEARER = "Bearer ";

    private final LinkTokens tokens;
    private final String audience;

    public DataCentreLinkFilter(LinkTokens tokens, @ConfigProperty(name = "quarkus.application.name") String audience) {
        this.tokens = tokens;
        this.audience = audience;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!tokens.configured()) {
            request.abortWith(ProblemResponses.of(Problem.of(LINK_NOT_CONFIGURED,
                    "No data-centre link key is configured at this service.")));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        try {
            if (authorization == null || !authorization.startsWith(BEARER)) {
                throw new LinkTokens.Refused("no bearer token");
            }
            tokens.verify(authorization.substring(BEARER.length()).trim(), audience);
        } catch (LinkTokens.Refused refused) {
            LOG.warnf("Link call to %s %s refused: %s", request.getMethod(), request.getUriInfo().getPath(), refused.getMessage());
            request.abortWith(ProblemResponses.of(Problem.of(LINK_UNAUTHENTICATED, "A valid data-centre link token is required.")));
        }
    }
}
