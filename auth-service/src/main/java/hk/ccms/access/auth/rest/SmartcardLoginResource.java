package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.smartcard.CardSignatures;
import hk.ccms.access.auth.service.smartcard.SmartcardChallenge;
import hk.ccms.access.auth.service.smartcard.SmartcardLoginService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestResponse;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** "Login with Smartcard": challenge–response with the card's signature, or the card as TLS client certificate. */
@Path("/api/v1/login/smartcard")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Login with smartcard")
public class SmartcardLoginResource {

    private static final String BASE64 = "[A-Za-z0-9+/=]{1,16384}";

    private final SmartcardLoginService logins;

    public SmartcardLoginResource(SmartcardLoginService logins) {
        this.logins = logins;
    }

    public record SmartcardLogin(
            @NotBlank @Pattern(regexp = InputPatterns.TRANSACTION_ID, message = InputPatterns.TRANSACTION_ID_MESSAGE) String challengeId,
            @NotBlank @Pattern(regexp = InputPatterns.USER_ID, message = InputPatterns.USER_ID_MESSAGE) String userId,
            @NotNull @Size(min = 1, max = 1024) String password,
            @NotNull PortalFunction function,
            @NotEmpty @Size(max = 5) List<@NotBlank @Pattern(regexp = BASE64, message = "base64 DER certificate") String> certificateChain,
            @NotNull CardSignatures signatureAlgorithm,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9+/=]{1,2048}", message = "base64 signature") String signature,
            TokenDelivery tokenDelivery) {
    }

    public record TlsLogin(
            @NotBlank @Pattern(regexp = InputPatterns.USER_ID, message = InputPatterns.USER_ID_MESSAGE) String userId,
            @NotNull @Size(min = 1, max = 1024) String password,
            @NotNull PortalFunction function,
            TokenDelivery tokenDelivery) {
    }

    @POST
    @Path("/challenge")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A single-use challenge for the card to sign (valid for a short time)")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Response challenge() {
        SmartcardChallenge challenge = logins.challenge();
        return Response.status(Response.Status.CREATED).entity(challenge).build();
    }

    @POST
    @Operation(summary = "User ID, password, the card's certificate chain and its signature over the challenge; returns an access token")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public RestResponse<LoginResource.AccessToken> login(@Valid @NotNull SmartcardLogin login) {
        return TokenDelivery.respond(logins.login(login.userId(), login.password(), login.function(),
                new SmartcardLoginService.CardProof(login.certificateChain(), login.challengeId(), login.signatureAlgorithm(),
                        login.signature())), login.tokenDelivery());
    }

    @POST
    @Path("/mtls")
    @Operation(summary = "User ID and password over HTTPS with the card as TLS client certificate; returns an access token")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public RestResponse<LoginResource.AccessToken> tlsLogin(@Valid @NotNull TlsLogin login, @Context HttpServerRequest request) {
        return TokenDelivery.respond(logins.loginWithTlsCertificate(login.userId(), login.password(), login.function(),
                clientCertificates(request.sslSession())), login.tokenDelivery());
    }

    private static List<X509Certificate> clientCertificates(SSLSession session) {
        List<X509Certificate> chain = new ArrayList<>();
        if (session == null) {
            return chain;
        }
        try {
            for (Certificate certificate : session.getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
        } catch (SSLPeerUnverifiedException noCertificate) {
            return List.of();
        }
        return chain;
    }
}
