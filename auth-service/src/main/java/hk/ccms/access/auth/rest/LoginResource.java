package hk.ccms.access.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.CodeSent;
import hk.ccms.access.auth.service.LoginService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;

@Path("/api/v1/login")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Login with OTP")
public class LoginResource {

    private final LoginService logins;

    public LoginResource(LoginService logins) {
        this.logins = logins;
    }

    public record PasswordStep(
            @NotBlank @Pattern(regexp = InputPatterns.USER_ID, message = InputPatterns.USER_ID_MESSAGE) String userId,
            @NotNull @Size(min = 1, max = 1024) String password,
            @NotNull PortalFunction function) {
    }

    public record CodeStep(
            @NotBlank @Pattern(regexp = InputPatterns.TRANSACTION_ID, message = InputPatterns.TRANSACTION_ID_MESSAGE) String transactionId,
            @NotBlank @Pattern(regexp = InputPatterns.CODE, message = InputPatterns.CODE_MESSAGE) String code,
            TokenDelivery tokenDelivery) {
    }

    public record Resend(@NotBlank @Pattern(regexp = InputPatterns.TRANSACTION_ID, message = InputPatterns.TRANSACTION_ID_MESSAGE) String transactionId) {
    }

    /** {@code accessToken} is absent when the token went into the browser-session cookie ({@code tokenType} Cookie). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessToken(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {
    }

    @POST
    @Path("/password")
    @Operation(summary = "Step 1: User ID, password and function; sends a one-time password to the registered channel")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public CodeSent password(@Valid @NotNull PasswordStep step) {
        return logins.passwordStep(step.userId(), step.password(), step.function());
    }

    @POST
    @Path("/code")
    @Operation(summary = "Step 2: the one-time password; returns an access token for the chosen function "
            + "(tokenDelivery COOKIE: as the HttpOnly browser-session cookie instead, with the CSRF cookie)")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public RestResponse<AccessToken> code(@Valid @NotNull CodeStep step) {
        return TokenDelivery.respond(logins.codeStep(step.transactionId(), step.code()), step.tokenDelivery());
    }

    @POST
    @Path("/code/resend")
    @Operation(summary = "Send a new one-time password for a sign-in in progress (throttled)")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public CodeSent resend(@Valid @NotNull Resend resend) {
        return logins.resendCode(resend.transactionId());
    }
}
