package hk.ccms.access.otp.rest;

import hk.ccms.access.otp.domain.IssuedChallenge;
import hk.ccms.access.otp.domain.Verification;
import hk.ccms.access.otp.service.ChallengeService;
import hk.ccms.access.otp.service.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.regex.Pattern;

/**
 * One-time-code challenges for auth-service, the only caller: it must present a service token
 * (ES256 JWT from auth-service, audience {@code otp-service}, group {@code otp-client}).
 * Blocking methods: they run on worker threads, never on the event loop.
 */
@Path("/internal/v1/challenges")
@RolesAllowed("otp-client")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Challenges", description = "One-time codes for a login transaction")
public class ChallengeResource {

    private static final Pattern TRANSACTION_ID = Pattern.compile(Patterns.ID);

    private final ChallengeService challenges;

    public ChallengeResource(ChallengeService challenges) {
        this.challenges = challenges;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Send a new code for a transaction",
            description = "409 challenge-exists, 422 channel-not-available (a channel switched off), 429 otp-rate-limited, 503 delivery-unavailable.")
    @APIResponse(responseCode = "201", description = "The code was handed to the delivery channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedChallenge.class)))
    public IssuedChallenge issue(@Valid @NotNull IssueChallengeRequest request) {
        return challenges.issue(request.transactionId(), request.subject(), request.purpose(), request.channel(),
                request.destination(), request.locale());
    }

    @POST
    @Path("/{transactionId}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a code (single use, bounded attempts)",
            description = "Always 200 for a well-formed request; the outcome says whether the code was accepted.")
    public Verification verify(@PathParam("transactionId") String transactionId, @Valid @NotNull VerificationRequest request) {
        return challenges.verify(checked(transactionId), request.subject(), request.code());
    }

    @POST
    @Path("/{transactionId}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the code with a new one and send it",
            description = "404 challenge-not-found, 429 resend-too-soon or otp-rate-limited, 503 delivery-unavailable (the previous code stays valid).")
    public IssuedChallenge resend(@PathParam("transactionId") String transactionId, @Valid @NotNull ResendRequest request) {
        return challenges.resend(checked(transactionId), request.subject(), request.locale());
    }

    @DELETE
    @Path("/{transactionId}")
    @Operation(summary = "Abandon the transaction's challenge (idempotent)")
    public void abandon(@PathParam("transactionId") String transactionId) {
        challenges.abandon(checked(transactionId));
    }

    private static String checked(String transactionId) {
        if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches()) {
            throw InvalidInput.field("transactionId", Patterns.ID_MESSAGE);
        }
        return transactionId;
    }
}
