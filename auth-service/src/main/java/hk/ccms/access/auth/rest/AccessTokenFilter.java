package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.service.AccessTokenVerifier;
import hk.ccms.access.auth.service.Caller;
import hk.ccms.access.auth.service.SessionStore;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Authenticates endpoints marked {@link PortalAccess}: the bearer token must verify for one of
 * the listed portals and its server-side session must still exist (not logged out, not
 * revoked). Runs on the worker thread of the blocking endpoint, so the Redis check is fine here.
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
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER) || header.length() > MAX_TOKEN_LENGTH) {
            throw AccessTokenVerifier.rejected();
        }
        String token = header.substring(BEARER.length()).trim();
        AccessTokenVerifier.VerifiedToken verified = verifier.verify(token, Set.of(access.value()));
        if (!sessions.isActive(verified.sessionId())) {
            throw AccessTokenVerifier.rejected();
        }
        currentCaller.set(new Caller(verified.userId(), verified.participantId(), verified.role(), verified.function(),
                verified.methods(), verified.sessionId(), verified.expiresAt()));
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
