package hk.ccms.access.auth.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;

/** otp-service's internal API, called with a service token. */
@RegisterRestClient(configKey = "otp-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/internal/v1/challenges")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OtpServiceClient {

    @POST
    ChallengeIssued issue(IssueChallenge request);

    @POST
    @Path("/{transactionId}/verification")
    Verification verify(@PathParam("transactionId") String transactionId, VerifyCode request);

    @POST
    @Path("/{transactionId}/resend")
    ChallengeIssued resend(@PathParam("transactionId") String transactionId, Resend request);

    @DELETE
    @Path("/{transactionId}")
    void cancel(@PathParam("transactionId") String transactionId);

    /** Why a code is sent; otp-service words the message (and sets the lifetime) by it. */
    enum Purpose { LOGIN, ACTIVATION, MOBILE_PROOF }

    record IssueChallenge(String transactionId, String subject, Purpose purpose, String channel, String destination,
                          String locale) {
    }

    record ChallengeIssued(String transactionId, String channel, String maskedDestination, Instant expiresAt,
                           Instant resendAvailableAt, int codeLength) {
    }

    record VerifyCode(String subject, String code) {
    }

    record Verification(Outcome outcome, int remainingAttempts) {
    }

    enum Outcome { ACCEPTED, REJECTED, EXHAUSTED, EXPIRED }

    record Resend(String subject, String locale) {
    }
}
