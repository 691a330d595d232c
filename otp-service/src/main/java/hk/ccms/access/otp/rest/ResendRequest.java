package hk.ccms.access.otp.rest;

import hk.ccms.access.otp.domain.Language;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Asks for a new code for a live challenge; {@code locale} changes the language order of the message. */
public record ResendRequest(
        @NotNull @Pattern(regexp = Patterns.SUBJECT, message = Patterns.SUBJECT_MESSAGE) String subject,
        Language locale) {
}
