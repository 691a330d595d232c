package hk.ccms.access.datacentre.rest;

import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.common.problem.ProblemResponses;
import hk.ccms.access.common.web.BrowserSession;
import hk.ccms.access.datacentre.service.OperatorSession;
import hk.ccms.access.datacentre.service.OperatorSessions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.NoCache;

/**
 * The operator's own session, for the operations console: who is signed in and until when (as
 * auth-service reported it for this very request), and signing out.
 */
@Path("/api/v1/console/session")
@OperatorAccess
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Operator actions on the data-centre state (operator access token)")
@SecurityRequirement(name = "operator-token")
@APIResponse(responseCode = "401", description = "No valid operator token, or its session has ended",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an operator's operations-console token, or (session cookie) no CSRF token",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "503", description = "auth-service cannot confirm or end the session",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class OperatorSessionResource {

    private static final Logger LOG = Logger.getLogger(OperatorSessionResource.class);

    private final CurrentOperator operator;
    private final OperatorSessions sessions;

    public OperatorSessionResource(CurrentOperator operator, OperatorSessions sessions) {
        this.operator = operator;
        this.sessions = sessions;
    }

    @GET
    @NoCache
    @Operation(summary = "The operator's live session as auth-service reports it",
            description = "The answer auth-service gave when it confirmed the session for this request; no second call.")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatorSession.class)))
    public OperatorSession session() {
        return operator.session();
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Sign out: ends the session at auth-service and makes the browser forget its session cookies")
    @APIResponse(responseCode = "204", description = "Signed out; Set-Cookie headers expire the session and CSRF cookies")
    public Response logout() {
        NewCookie[] expired = BrowserSession.expiredCookies().toArray(NewCookie[]::new);
        try {
            sessions.end(operator.accessToken());
        } catch (ProblemException unavailable) {
            // The browser forgets the session all the same; the operator is told that auth-service may
            // still hold it until its token expires.
            LOG.warnf("%s signed out, but auth-service could not be told", operator.get().describe());
            return Response.fromResponse(ProblemResponses.of(unavailable)).cookie(expired).build();
        }
        LOG.infof("%s signed out of the operations console", operator.get().describe());
        return Response.noContent().cookie(expired).build();
    }
}
