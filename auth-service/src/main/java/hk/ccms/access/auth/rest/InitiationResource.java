package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.auth.service.CodeSent;
import hk.ccms.access.auth.service.InitiationService;
import hk.ccms.access.auth.service.PasswordPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

import java.util.List;

/**
 * First-time 2FA set-up, in steps: start (activation code by e-mail) → prove the activation code →
 * optionally prove a mobile number (code by SMS) → choose the channel and the new password.
 * None of these steps signs anyone in.
 */
@Path("/api/v1/initiation")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "2FA initiation")
public class InitiationResource {

    private final InitiationService initiations;

    public InitiationResource(InitiationService initiations) {
        this.initiations = initiations;
    }

    public record Start(@NotBlank @Pattern(regexp = InputPatterns.USER_ID, message = InputPatterns.USER_ID_MESSAGE) String userId) {
    }

    public record Code(@NotBlank @Pattern(regexp = InputPatterns.CODE, message = InputPatterns.CODE_MESSAGE) String code) {
    }

    public record Mobile(@NotBlank @Pattern(regexp = InputPatterns.E164, message = InputPatterns.E164_MESSAGE) String mobile) {
    }

    public record PasswordCandidate(@NotNull @Size(min = 1, max = 1024) String newPassword) {
    }

    public record PasswordCheck(List<PasswordPolicy.RuleCheck> rules) {
    }

    public record Completion(@NotNull @Size(min = 1, max = 1024) String newPassword, @NotNull OtpChannel channel) {
    }

    @POST
    @Operation(summary = "Start 2FA set-up: sends an activation code to the registered e-mail address")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Response start(@Valid @NotNull Start start) {
        return Response.status(Response.Status.CREATED).entity(initiations.start(start.userId())).build();
    }

    @POST
    @Path("/{transactionId}/activation")
    @Operation(summary = "Prove the activation code")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public InitiationService.Progress activate(@PathParam("transactionId") @Pattern(regexp = InputPatterns.TRANSACTION_ID) String transactionId,
                                               @Valid @NotNull Code code) {
        return initiations.activate(transactionId, code.code());
    }

    @POST
    @Path("/{transactionId}/mobile")
    @Operation(summary = "Send a code by SMS to the mobile number that should receive one-time passwords")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public CodeSent mobile(@PathParam("transactionId") @Pattern(regexp = InputPatterns.TRANSACTION_ID) String transactionId,
                           @Valid @NotNull Mobile mobile) {
        return initiations.sendMobileProof(transactionId, mobile.mobile());
    }

    @POST
    @Path("/{transactionId}/mobile/verification")
    @Operation(summary = "Prove the mobile number with the code sent to it")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public InitiationService.Progress confirmMobile(@PathParam("transactionId") @Pattern(regexp = InputPatterns.TRANSACTION_ID) String transactionId,
                                                    @Valid @NotNull Code code) {
        return initiations.confirmMobile(transactionId, code.code());
    }

    @POST
    @Path("/{transactionId}/resend")
    @Operation(summary = "Send a new code for the current step (throttled)")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public CodeSent resend(@PathParam("transactionId") @Pattern(regexp = InputPatterns.TRANSACTION_ID) String transactionId) {
        return initiations.resend(transactionId);
    }

    @POST
    @Path("/{transactionId}/password-check")
    @Operation(summary = "How a candidate new password fares against the password policy, rule by rule (after the activation code is proven); nothing is stored")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public PasswordCheck checkPassword(@PathParam("transactionId") @Pattern(regexp = InputPatterns.TRANSACTION_ID) String transactionId,
                                       @Valid @NotNull PasswordCandidate candidate) {
        return new PasswordCheck(initiations.checkPassword(transactionId, candidate.newPassword()));
    }

    @POST
    @Path("/{transactionId}/completion")
    @Operation(summary = "Set the new password and the OTP channel (EMAIL, or SMS to the proven mobile); enrols the account")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public InitiationService.Enrolled complete(@PathParam("transactionId") @Pattern(regexp = InputPatterns.TRANSACTION_ID) String transactionId,
                                               @Valid @NotNull Completion completion) {
        return initiations.complete(transactionId, completion.newPassword(), completion.channel());
    }
}
