package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.Caller;
import hk.ccms.access.auth.service.DataCentreGate;
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
    private final DataCentreGate gate;

    public CcmsResource(CurrentCaller caller, DataCentreGate gate) {
        this.caller = caller;
        this.gate = gate;
    }

    /** What the terminal shows after logon: the chosen function, or "Function not available" during a test session. */
    public record Home(String userId, String participantId, PortalFunction function, String message) {
    }

    @GET
    @Path("/session")
    @Operation(summary = "Who is signed in to CCMS, and for which function")
    public PortalSessionView session() {
        return caller.sessionView();
    }

    @GET
    @Path("/home")
    @Operation(summary = "The business entry of the signed-in function; 503 function-not-available while a test session closes business functions")
    public Home home() {
        Caller signedIn = caller.get();
        gate.requireBusinessFunctions();
        return new Home(signedIn.userId(), signedIn.participantId(), signedIn.function(), "Welcome to " + signedIn.function() + ".");
    }
}
