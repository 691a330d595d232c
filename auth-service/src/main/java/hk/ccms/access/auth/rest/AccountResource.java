package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.service.AccountService;
import hk.ccms.access.auth.service.CodeSent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

    public record MobileProof(@NotBlank @Pattern(regexp = InputPatterns.E164, message = InputPatterns.E164_MESSAGE) String mobile) {
    }

    /** {@code code}: the one sent to the new mobile number, for SMS. */
    public record ChannelChange(@NotNull @Size(min = 1, max = 1024) String currentPassword, @NotNull OtpChannel channel,
                                @Pattern(regexp = InputPatterns.CODE, message = InputPatterns.CODE_MESSAGE) String code) {
    }

    public record ChannelChanged(OtpChannel channel) {
    }

    @POST
    @Path("/otp-channel/mobile-proof")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "To switch to SMS: send a code to the new mobile number")
    public CodeSent mobileProof(@Valid @NotNull MobileProof proof) {
        return accounts.sendMobileProof(caller.get(), proof.mobile());
    }

    @PUT
    @Path("/otp-channel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch your one-time passwords to EMAIL or SMS (current password; for SMS the code sent to the new number); ends your other sessions")
    public ChannelChanged changeOtpChannel(@Valid @NotNull ChannelChange change) {
        return new ChannelChanged(accounts.changeOtpChannel(caller.get(), change.currentPassword(), change.channel(), change.code()));
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password (current + new); ends your other sessions")
    public void changePassword(@Valid @NotNull PasswordChange change) {
        accounts.changePassword(caller.get(), change.currentPassword(), change.newPassword());
    }
}
