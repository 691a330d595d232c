package hk.ccms.access.datacentre.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An operator's operations-console session as this DC's auth-service reports it when it confirms
 * that the session is live ({@code GET /api/v1/operations/session}). Held for the request, so that
 * the console can show it without a second call to auth-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "OperatorSession", description = "The operator's live session, as auth-service reports it")
public record OperatorSession(
        @Schema(examples = "OPS01") String userId,
        @Schema(nullable = true) String participantId,
        @Schema(examples = "OPERATOR") String role,
        @Schema(examples = "OPERATIONS_CONSOLE") String function,
        @Schema(description = "How the operator signed in, e.g. pwd and otp") List<String> authenticationMethods,
        @Schema(description = "When the session ends at the latest (UTC)", nullable = true) Instant expiresAt,
        @Schema(description = "The session ends after this long without an authenticated call", nullable = true)
        Long idleTimeoutSeconds) {
}
