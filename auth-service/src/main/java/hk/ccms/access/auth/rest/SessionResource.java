package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.AccessTokenVerifier;
import hk.ccms.access.auth.service.AuditTrail;
import hk.ccms.access.auth.service.Caller;
import hk.ccms.access.auth.service.SessionStore;
import hk.ccms.access.common.web.BrowserSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/session")
@Tag(name = "Session")
@PortalAccess({Portal.CCMS, Portal.DMS, Portal.OPERATIONS})
public class SessionResource {

    private final CurrentCaller caller;
    private final SessionStore sessions;
    private final AuditTrail audit;

    public SessionResource(CurrentCaller caller, SessionStore sessions, AuditTrail audit) {
        this.caller = caller;
        this.sessions = sessions;
        this.audit = audit;
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End this session: its token stops working at once, and a browser drops its session cookies")
    public RestResponse<Void> logout() {
        Caller current = caller.get();
        Account account = Account.findByUserId(current.userId()).orElseThrow(AccessTokenVerifier::rejected);
        sessions.close(current.sessionId(), account.id);
        audit.record(AuditAction.LOGOUT, current.userId(), account, AuditEvent.Result.SUCCESS, current.function().name());
        RestResponse.ResponseBuilder<Void> answer = RestResponse.ResponseBuilder.noContent();
        BrowserSession.expiredCookies().forEach(answer::cookie);
        return answer.build();
    }
}
