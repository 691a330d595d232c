package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who is signed in to the operations console. Other services of the data centre (datacentre-state)
 * call it with the operator's own token to learn that the session behind it is still live.
 */
@Path("/api/v1/operations/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@PortalAccess(Portal.OPERATIONS)
public class OperationsSessionResource {

    private final CurrentCaller caller;

    public OperationsSessionResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The operator's live session (401 once it is logged out or the account disabled)")
    public PortalSessionView session() {
        return caller.sessionView();
    }
}
