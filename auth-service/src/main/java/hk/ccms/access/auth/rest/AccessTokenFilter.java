package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.service.AccessTokenVerifier;
import hk.ccms.access.auth.service.Caller;
import hk.ccms.access.auth.service.SessionStore;
import hk.ccms.access.common.web.BrowserSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Authenticates endpoints marked {@link PortalAccess}: the token must verify for one of the listed
 * portals and its server-side session must still exist (not logged out, not revoked, not idle).
 * The token comes from the Authorization header (API clients) or, for pages, from the session
 * cookie — then a state-changing call must also carry the session's CSRF token. Runs on the worker
 * thread of the blocking endpoint, so the Redis check is fine here.
 */
public class AccessTokenFilter {

    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final AccessTokenVerifier verifier;
    private final SessionStore sessions;
    private final CurrentCaller currentCaller;

    public AccessTokenFilter(AccessTokenVerifier verifier, SessionStore sessions, CurrentCaller currentCaller) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.currentCaller = currentCaller;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        PortalAccess access = requiredAccess(resource);
        if (access == null) {
            return;
        }
        String token = presentedToken(request);
        AccessTokenVerifier.VerifiedToken verified = verifier.verify(token, Set.of(access.value()));
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            BrowserSession.requireCsrfToken(request.getMethod(), token, request.getHeaderString(BrowserSession.CSRF_HEADER));
        }
        if (!sessions.isActive(verified.sessionId())) {
            throw AccessTokenVerifier.rejected();
        }
        currentCaller.set(new Caller(verified.userId(), verified.participantId(), verified.role(), verified.function(),
                verified.methods(), verified.sessionId(), verified.expiresAt()));
    }

    private static String presentedToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token;
        if (header != null) {
            token = header.startsWith(BEARER) ? header.substring(BEARER.length()).trim() : null;
        } else {
            Cookie cookie = request.getCookies().get(BrowserSession.SESSION_COOKIE);
            token = cookie == null ? null : cookie.getValue();
        }
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw AccessTokenVerifier.rejected();
        }
        return token;
    }

    private static PortalAccess requiredAccess(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        PortalAccess onMethod = resource.getResourceMethod().getAnnotation(PortalAccess.class);
        if (onMethod != null) {
            return onMethod;
        }
        return resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(PortalAccess.class);
    }
}
