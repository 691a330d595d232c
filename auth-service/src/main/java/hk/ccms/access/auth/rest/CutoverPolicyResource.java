package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.AccountType;
import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.CutoverPolicies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Operators read and change when smartcard login closes and OTP login opens, per portal and role. */
@Path("/api/v1/operations/cutover-policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@PortalAccess(Portal.OPERATIONS)
public class CutoverPolicyResource {

    private final CurrentCaller caller;
    private final CutoverPolicies policies;

    public CutoverPolicyResource(CurrentCaller caller, CutoverPolicies policies) {
        this.caller = caller;
        this.policies = policies;
    }

    /** UTC instants (ISO-8601); null means "no end" for smartcard and "already open" for OTP. */
    public record Window(Instant smartcardUntil, Instant otpFrom) {
    }

    @GET
    @Operation(summary = "The cut-over dates of every portal and role, in UTC and Hong Kong time")
    public List<CutoverPolicies.Entry> all() {
        return policies.all();
    }

    @PUT
    @Path("/{portal}/{accountType}")
    @Operation(summary = "Set when smartcard login closes (go-live) and OTP login opens for a portal and role")
    public CutoverPolicies.Entry set(@PathParam("portal") Portal portal, @PathParam("accountType") AccountType accountType,
                                     @Valid @NotNull Window window) {
        return policies.set(caller.get(), portal, accountType, window.smartcardUntil(), window.otpFrom());
    }
}
