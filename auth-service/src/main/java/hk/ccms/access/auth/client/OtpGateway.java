package hk.ccms.access.auth.client;

import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * auth-service's view of otp-service: the calls it needs, with otp-service's refusals and
 * outages turned into problems a person can act on (wait and retry, or ask for a new code).
 */
@ApplicationScoped
public class OtpGateway {

    private static final Logger LOG = Logger.getLogger(OtpGateway.class);
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    private final OtpServiceClient client;
    private final OtpNotificationClient notifications;

    public OtpGateway(@RestClient OtpServiceClient client, @RestClient OtpNotificationClient notifications) {
        this.client = client;
        this.notifications = notifications;
    }

    public OtpServiceClient.ChallengeIssued sendCode(String transactionId, String subject, OtpServiceClient.Purpose purpose,
                                                     String channel, String destination) {
        return call(() -> client.issue(new OtpServiceClient.IssueChallenge(transactionId, subject, purpose, channel, destination, null)));
    }

    /** Hands an account-change e-mail to otp-service; idempotent by the notification id. */
    public void notify(OtpNotificationClient.SendNotification notification) {
        call(() -> notifications.send(notification));
    }

    public OtpServiceClient.Verification verify(String transactionId, String subject, String code) {
        return call(() -> client.verify(transactionId, new OtpServiceClient.VerifyCode(subject, code)));
    }

    public OtpServiceClient.ChallengeIssued resend(String transactionId, String subject) {
        return call(() -> client.resend(transactionId, new OtpServiceClient.Resend(subject, null)));
    }

    /** The answer to a wrong code that still leaves tries: the same in every flow that checks a code. */
    public static ProblemException codeRejected(OtpServiceClient.Verification verification) {
        return new ProblemException(AuthProblemType.CODE_REJECTED, "The one-time password is not correct.")
                .with("remainingAttempts", verification.remainingAttempts());
    }

    /** Best effort: an abandoned challenge expires by itself anyway. */
    public void cancel(String transactionId) {
        try {
            client.cancel(transactionId);
        } catch (RuntimeException e) {
            LOG.debugf("Could not cancel challenge: %s", e.getClass().getSimpleName());
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException refused) {
            throw translate(refused.getResponse());
        } catch (ProcessingException unreachable) {
            LOG.warnf("otp-service unreachable: %s", unreachable.getClass().getSimpleName());
            throw new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "The one-time password service is unavailable; try again shortly.", DEFAULT_RETRY);
        }
    }

    private static ProblemException translate(Response response) {
        Duration retryAfter = retryAfter(response);
        int status = response.getStatus();
        if (status == 429) {
            return new ProblemException(AuthProblemType.RESEND_REFUSED,
                    "A new one-time password cannot be sent yet; wait before asking again.", retryAfter);
        }
        if (status == 404) {
            return new ProblemException(AuthProblemType.LOGIN_TRANSACTION_INVALID,
                    "This sign-in has expired; start again with your user ID and password.");
        }
        if (status == 503 && problemType(response).endsWith(":delivery-unavailable")) {
            return new ProblemException(AuthProblemType.OTP_DELIVERY_UNAVAILABLE,
                    "The one-time password could not be delivered; try again shortly.", retryAfter);
        }
        if (status == 409 && problemType(response).endsWith(":notification-in-progress")) {
            return new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "otp-service is still sending this notification; ask again for its outcome.", retryAfter);
        }
        if (status == 503) {
            return new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "The one-time password service is unavailable; try again shortly.", retryAfter);
        }
        LOG.errorf("otp-service answered %d", status);
        return new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                "The one-time password service could not handle the request; try again shortly.", DEFAULT_RETRY);
    }

    private static String problemType(Response response) {
        try {
            Object type = response.readEntity(Map.class).get("type");
            return type == null ? "" : type.toString();
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static Duration retryAfter(Response response) {
        String header = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        try {
            return header == null ? DEFAULT_RETRY : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY;
        }
    }
}
