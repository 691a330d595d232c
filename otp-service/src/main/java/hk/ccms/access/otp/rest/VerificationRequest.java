package hk.ccms.access.otp.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A code presented for a transaction; its exact length is checked against configuration by the service. */
public record VerificationRequest(
        @NotNull @Pattern(regexp = Patterns.SUBJECT, message = Patterns.SUBJECT_MESSAGE) String subject,
        @NotNull String code) {
}
