package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The CCMS terminal's view of a session: proves a CCMS token works and which function it opens. */
@Path("/api/v1/ccms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CCMS")
@PortalAccess(Portal.CCMS)
public class CcmsResource {

    private final CurrentCaller caller;

    public CcmsResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/session")
    @Operation(summary = "Who is signed in to CCMS, and for which function")
    public PortalSessionView session() {
        return PortalSessionView.of(caller.get());
    }
}
