package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.DelegatedAdministration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A Delegated Administrator's view of, and actions on, the users of its own participant. */
@Path("/api/v1/dms/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DMS")
@PortalAccess(Portal.DMS)
public class DmsUserResource {

    private final CurrentCaller caller;
    private final DelegatedAdministration administration;

    public DmsUserResource(CurrentCaller caller, DelegatedAdministration administration) {
        this.caller = caller;
        this.administration = administration;
    }

    public record EmailChange(@NotBlank @Size(max = InputPatterns.EMAIL_MAX)
                              @Pattern(regexp = InputPatterns.EMAIL, message = InputPatterns.EMAIL_MESSAGE) String email) {
    }

    public record MobileChange(@NotBlank @Pattern(regexp = InputPatterns.E164, message = InputPatterns.E164_MESSAGE) String mobile) {
    }

    @GET
    @Operation(summary = "The participant's users with their 2FA readiness, by user ID, a page at a time")
    public DelegatedAdministration.PageOf<DelegatedAdministration.UserView> list(
            @QueryParam("readiness") DelegatedAdministration.Readiness readiness,
            @QueryParam("locked") Boolean locked,
            @QueryParam("userIdPrefix") @Pattern(regexp = "[A-Za-z0-9._-]{0,64}") String userIdPrefix,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        return administration.users(caller.get(), readiness, locked, userIdPrefix, page, size);
    }

    @GET
    @Path("/readiness-summary")
    @Operation(summary = "How many of the participant's users are enrolled, ready to initiate, or cannot initiate yet (no e-mail)")
    public DelegatedAdministration.ReadinessSummary summary() {
        return administration.summary(caller.get());
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "One user of the participant")
    public DelegatedAdministration.UserView user(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId) {
        return administration.user(caller.get(), userId);
    }

    @PUT
    @Path("/{userId}/email")
    @Operation(summary = "Register or change the user's e-mail address (needs a second DA's approval unless maker-checker is off)")
    public Response changeEmail(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId,
                                @Valid @NotNull EmailChange change) {
        return answer(administration.changeEmail(caller.get(), userId, change.email()));
    }

    @PUT
    @Path("/{userId}/mobile")
    @Operation(summary = "Register or change the user's mobile number (E.164)")
    public DelegatedAdministration.UserView changeMobile(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId,
                                                         @Valid @NotNull MobileChange change) {
        return administration.changeMobile(caller.get(), userId, change.mobile());
    }

    @POST
    @Path("/{userId}/unlock")
    @Operation(summary = "Unlock a user locked by failed attempts")
    public DelegatedAdministration.UserView unlock(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId) {
        return administration.unlock(caller.get(), userId);
    }

    @POST
    @Path("/{userId}/two-factor-reset")
    @Operation(summary = "Reset the user's 2FA so that the user sets it up again (needs a second DA's approval unless maker-checker is off)")
    public Response resetTwoFactor(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId) {
        return answer(administration.resetTwoFactor(caller.get(), userId));
    }

    /** 200 when the change took effect, 202 when it waits for a second DA. */
    private static Response answer(DelegatedAdministration.Outcome outcome) {
        return Response.status(outcome.request() == null ? Response.Status.OK : Response.Status.ACCEPTED).entity(outcome).build();
    }
}
