package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.AccountService;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clearing-house operators' account controls. */
@Path("/api/v1/operations/accounts/{userId}")
@Tag(name = "Operations")
@PortalAccess(Portal.OPERATIONS)
public class OperationsResource {

    private final CurrentCaller caller;
    private final AccountService accounts;

    public OperationsResource(CurrentCaller caller, AccountService accounts) {
        this.caller = caller;
        this.accounts = accounts;
    }

    @POST
    @Path("/disable")
    @Operation(summary = "Disable an account; its live sessions are revoked at once")
    public void disable(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId) {
        accounts.disable(caller.get(), userId);
    }

    @POST
    @Path("/enable")
    @Operation(summary = "Enable a disabled account")
    public void enable(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId) {
        accounts.enable(caller.get(), userId);
    }
}
