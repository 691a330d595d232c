package hk.ccms.access.otp.rest;

import hk.ccms.access.otp.domain.NotificationReceipt;
import hk.ccms.access.otp.service.NotificationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Account-change notifications for auth-service's outbox, with the same service token as the
 * challenges. Blocking: it runs on a worker thread while the SMTP server takes the message.
 */
@Path("/internal/v1/notifications")
@RolesAllowed("otp-client")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "E-mail telling a person that their account changed")
public class NotificationResource {

    private final NotificationService notifications;

    public NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    @Operation(summary = "Tell a person by e-mail that their account changed (idempotent per notificationId)",
            description = "202 SENT, or ALREADY_SENT when this id was sent before (nothing is sent again). "
                    + "409 notification-in-progress while another request sends the same id, 503 delivery-unavailable "
                    + "or dependency-unavailable: nothing was recorded as sent; repeat after Retry-After.")
    @APIResponse(responseCode = "202", description = "The SMTP server accepted the message, now or earlier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationReceipt.class)))
    public NotificationReceipt send(@Valid @NotNull NotificationRequest request) {
        return notifications.send(request.notificationId(), request.subject(), request.kind(), request.to(),
                request.occurredAt(), request.locale(), request.changedTo());
    }
}
