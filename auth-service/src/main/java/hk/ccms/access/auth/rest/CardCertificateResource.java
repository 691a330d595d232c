package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.smartcard.CardRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Operators register, replace and revoke the smartcard of an account. */
@Path("/api/v1/operations/accounts/{userId}/card-certificates")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@PortalAccess(Portal.OPERATIONS)
public class CardCertificateResource {

    private final CurrentCaller caller;
    private final CardRegistry registry;

    public CardCertificateResource(CurrentCaller caller, CardRegistry registry) {
        this.caller = caller;
        this.registry = registry;
    }

    /** The card certificate as PEM (the chain may follow it) or base64 DER. */
    public record Registration(@NotBlank @Size(max = 16384) String certificate, Boolean replace) {
    }

    @GET
    @Operation(summary = "The account's cards, current and revoked")
    public List<CardRegistry.CardView> list(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId) {
        return registry.cards(userId);
    }

    @POST
    @Operation(summary = "Register a card (it must be a valid card of the clearing house); replace=true revokes the current one")
    public Response register(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId,
                             @Valid @NotNull Registration registration) {
        return Response.status(Response.Status.CREATED)
                .entity(registry.register(caller.get().userId(), userId, registration.certificate(), Boolean.TRUE.equals(registration.replace())))
                .build();
    }

    @DELETE
    @Path("/{cardId}")
    @Operation(summary = "Revoke a card: it no longer signs in to this account")
    public CardRegistry.CardView revoke(@PathParam("userId") @Pattern(regexp = InputPatterns.USER_ID) String userId,
                                        @PathParam("cardId") @Min(1) long cardId) {
        return registry.revoke(caller.get().userId(), userId, cardId);
    }
}
