package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.AccountService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/account")
@Tag(name = "Own account")
@PortalAccess({Portal.CCMS, Portal.DMS, Portal.OPERATIONS})
public class AccountResource {

    private final CurrentCaller caller;
    private final AccountService accounts;

    public AccountResource(CurrentCaller caller, AccountService accounts) {
        this.caller = caller;
        this.accounts = accounts;
    }

    /** Bounded so that nobody can make the service hash megabytes; the policy's own maximum is lower. */
    public record PasswordChange(@NotNull @Size(min = 1, max = 1024) String currentPassword,
                                 @NotNull @Size(min = 1, max = 1024) String newPassword) {
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password (current + new); ends your other sessions")
    public void changePassword(@Valid @NotNull PasswordChange change) {
        accounts.changePassword(caller.get(), change.currentPassword(), change.newPassword());
    }
}
