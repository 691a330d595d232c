package hk.ccms.access.datacentre.rest;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.common.web.BrowserSession;
import hk.ccms.access.datacentre.service.Operator;
import hk.ccms.access.datacentre.service.OperatorSession;
import hk.ccms.access.datacentre.service.OperatorSessions;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;
import java.util.Optional;

/**
 * Lets an {@link OperatorAccess} endpoint run only for a clearing-house operator, in four steps:
 * <ol>
 *   <li>the token verifies (smallrye-jwt: ES256 only, auth-service's key set, its issuer,
 *       audience {@code ccms-operations}, not expired), else 401. It comes from
 *       {@code Authorization: Bearer} or from the browser's session cookie
 *       ({@value BrowserSession#SESSION_COOKIE});</li>
 *   <li>a token that came from the cookie is used only with the session's CSRF token in
 *       {@value BrowserSession#CSRF_HEADER} on anything but a read, else 403 {@code csrf-rejected}:
 *       a browser attaches the cookie to requests other sites make it send, but those sites cannot
 *       read the CSRF token;</li>
 *   <li>it was issued to an operator for the operations console (claims {@code role} =
 *       {@code OPERATOR}, {@code function} = {@code OPERATIONS_CONSOLE}), else 403 — decided here,
 *       before auth-service is bothered;</li>
 *   <li>auth-service still holds its session live (not logged out, account not disabled), else
 *       401; when auth-service cannot say, 503 (fail closed). The session it reports is kept for
 *       the request ({@link CurrentOperator#session()}).</li>
 * </ol>
 * Authentication is lazy ({@code quarkus.http.auth.proactive=false}) so that every failure reaches
 * the problem mappers; this filter runs on the worker thread of the blocking endpoint, where
 * waiting for the token check and for auth-service is allowed.
 */
public class OperatorAccessFilter {

    static final String ROLE_CLAIM = "role";
    static final String FUNCTION_CLAIM = "function";
    static final String OPERATOR_ROLE = "OPERATOR";
    static final String OPERATIONS_CONSOLE = "OPERATIONS_CONSOLE";
    private static final String BEARER = "bearer ";

    private static final Logger LOG = Logger.getLogger(OperatorAccessFilter.class);

    private final CurrentIdentityAssociation identities;
    private final OperatorSessions sessions;
    private final CurrentOperator currentOperator;

    public OperatorAccessFilter(CurrentIdentityAssociation identities, OperatorSessions sessions,
                                CurrentOperator currentOperator) {
        this.identities = identities;
        this.sessions = sessions;
        this.currentOperator = currentOperator;
    }

    @ServerRequestFilter
    public void authorise(ContainerRequestContext request, ResourceInfo resource) {
        if (!requiresOperator(resource)) {
            return;
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        if (!cameAsBearer(request, token)) {
            BrowserSession.requireCsrfToken(request.getMethod(), token.getRawToken(),
                    request.getHeaderString(BrowserSession.CSRF_HEADER));
        }
        String role = stringClaim(token, ROLE_CLAIM);
        String function = stringClaim(token, FUNCTION_CLAIM);
        if (!OPERATOR_ROLE.equals(role) || !OPERATIONS_CONSOLE.equals(function)) {
            LOG.infof("Refused %s %s to %s: role %s, function %s", request.getMethod(),
                    request.getUriInfo().getPath(), token.getSubject(), role, function);
            throw new ProblemException(CommonProblemType.FORBIDDEN,
                    "Only clearing-house operators signed in to the operations console may do this.");
        }
        if (Operator.SCHEDULER.userId().equals(token.getSubject())) {
            LOG.warnf("Refused %s %s: an operator token names the session scheduler as its subject", request.getMethod(),
                    request.getUriInfo().getPath());
            throw new ProblemException(CommonProblemType.FORBIDDEN, "The user id " + token.getSubject()
                    + " is reserved for the session scheduler in the data-centre history.");
        }
        Optional<OperatorSession> session = sessions.live(token.getRawToken());
        if (session.isEmpty()) {
            LOG.infof("Refused %s %s to %s: auth-service no longer holds the session live", request.getMethod(),
                    request.getUriInfo().getPath(), token.getSubject());
            throw new ProblemException(CommonProblemType.UNAUTHENTICATED,
                    "The operator session has ended; sign in to the operations console again.");
        }
        currentOperator.set(new Operator(token.getSubject()), session.get(), token.getRawToken());
    }

    /**
     * Whether the verified token is the one in the Authorization header. Otherwise it came from the
     * session cookie — also when both are present: with {@code mp.jwt.token.header=Cookie}
     * smallrye-jwt takes the cookie first and the header only when there is no cookie.
     */
    private static boolean cameAsBearer(ContainerRequestContext request, JsonWebToken token) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return false;
        }
        return authorization.substring(BEARER.length()).trim().equals(token.getRawToken());
    }

    private static boolean requiresOperator(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return false;
        }
        return resource.getResourceMethod().isAnnotationPresent(OperatorAccess.class)
                || (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(OperatorAccess.class));
    }

    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String text ? text : null;
    }
}
