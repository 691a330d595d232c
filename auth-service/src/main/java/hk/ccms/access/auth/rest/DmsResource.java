package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** DMS (security management) for Delegated Administrators; a DMS token never opens CCMS and vice versa. */
@Path("/api/v1/dms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DMS")
@PortalAccess(Portal.DMS)
public class DmsResource {

    private final CurrentCaller caller;

    public DmsResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/session")
    @Operation(summary = "Who is signed in to DMS, and for which participant")
    public PortalSessionView session() {
        return caller.sessionView();
    }
}
