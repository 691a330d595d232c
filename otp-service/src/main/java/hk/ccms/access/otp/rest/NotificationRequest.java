package hk.ccms.access.otp.rest;

import hk.ccms.access.otp.domain.EmailAddress;
import hk.ccms.access.otp.domain.Language;
import hk.ccms.access.otp.domain.NotificationKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Asks for one account-change notification. The address, the instant and {@code changedTo} (whose
 * form depends on the kind) are checked by the service. {@code occurredAt} is read as text so that
 * only an ISO-8601 instant is taken, not a bare number of unknown unit.
 */
public record NotificationRequest(
        @NotNull @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String notificationId,
        @NotNull @Pattern(regexp = Patterns.SUBJECT, message = Patterns.SUBJECT_MESSAGE) String subject,
        @NotNull NotificationKind kind,
        @NotBlank @Size(max = EmailAddress.MAX_LENGTH) String to,
        @NotNull String occurredAt,
        Language locale,
        @Size(max = EmailAddress.MAX_LENGTH) String changedTo) {
}
