package hk.ccms.access.otp.rest;

import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.EmailAddress;
import hk.ccms.access.otp.domain.Language;
import hk.ccms.access.otp.domain.Purpose;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Asks for a code to be sent. Channel-specific checks of {@code destination} happen in the delivery. */
public record IssueChallengeRequest(
        @NotNull @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String transactionId,
        @NotNull @Pattern(regexp = Patterns.SUBJECT, message = Patterns.SUBJECT_MESSAGE) String subject,
        @NotNull Purpose purpose,
        @NotNull Channel channel,
        @NotBlank @Size(max = EmailAddress.MAX_LENGTH) String destination,
        Language locale) {
}
