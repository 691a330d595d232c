package hk.ccms.access.auth.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;

/** otp-service's account-change e-mails: idempotent by notification id, so a retry never mails twice. */
@RegisterRestClient(configKey = "otp-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/internal/v1/notifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OtpNotificationClient {

    @POST
    NotificationAccepted send(SendNotification notification);

    record SendNotification(String notificationId, String subject, String kind, String to, Instant occurredAt,
                            String locale, String changedTo) {
    }

    record NotificationAccepted(String notificationId, String status) {
    }
}
