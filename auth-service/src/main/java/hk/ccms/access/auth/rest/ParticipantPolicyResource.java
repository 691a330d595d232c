package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.ParticipantPolicies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clearing-house operators' per-participant settings. */
@Path("/api/v1/operations/participants/{participantId}/maker-checker")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@PortalAccess(Portal.OPERATIONS)
public class ParticipantPolicyResource {

    private final CurrentCaller caller;
    private final ParticipantPolicies policies;

    public ParticipantPolicyResource(CurrentCaller caller, ParticipantPolicies policies) {
        this.caller = caller;
        this.policies = policies;
    }

    public record Setting(@NotNull Boolean enabled) {
    }

    @GET
    @Operation(summary = "Whether the participant's e-mail changes and 2FA resets need a second DA (on unless switched off)")
    public ParticipantPolicies.MakerChecker get(@PathParam("participantId") @Pattern(regexp = InputPatterns.PARTICIPANT_ID) String participantId) {
        return policies.makerChecker(participantId);
    }

    @PUT
    @Operation(summary = "Switch maker-checker on or off for a participant")
    public ParticipantPolicies.MakerChecker set(@PathParam("participantId") @Pattern(regexp = InputPatterns.PARTICIPANT_ID) String participantId,
                                                @Valid @NotNull Setting setting) {
        return policies.setMakerChecker(caller.get(), participantId, setting.enabled());
    }
}
