package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.AdminRequest;
import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.DelegatedAdministration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Maker-checker: the participant's requests that wait for, or got, a second DA's decision. */
@Path("/api/v1/dms/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DMS")
@PortalAccess(Portal.DMS)
public class DmsRequestResource {

    private final CurrentCaller caller;
    private final DelegatedAdministration administration;

    public DmsRequestResource(CurrentCaller caller, DelegatedAdministration administration) {
        this.caller = caller;
        this.administration = administration;
    }

    @GET
    @Operation(summary = "The participant's requests, newest first")
    public DelegatedAdministration.PageOf<DelegatedAdministration.RequestView> list(
            @QueryParam("status") AdminRequest.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        return administration.requests(caller.get(), status, page, size);
    }

    @GET
    @Path("/{requestId}")
    @Operation(summary = "One request of the participant")
    public DelegatedAdministration.RequestView request(@PathParam("requestId") @Min(1) long requestId) {
        return administration.request(caller.get(), requestId);
    }

    @POST
    @Path("/{requestId}/approval")
    @Operation(summary = "Approve a request (a second DA: never its maker); the change takes effect now")
    public DelegatedAdministration.RequestView approve(@PathParam("requestId") @Min(1) long requestId) {
        return administration.approve(caller.get(), requestId);
    }

    @POST
    @Path("/{requestId}/rejection")
    @Operation(summary = "Reject a request, or withdraw one's own")
    public DelegatedAdministration.RequestView reject(@PathParam("requestId") @Min(1) long requestId) {
        return administration.reject(caller.get(), requestId);
    }
}
