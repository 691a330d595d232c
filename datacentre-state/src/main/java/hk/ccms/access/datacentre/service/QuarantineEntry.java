package hk.ccms.access.datacentre.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A write a fenced DC made under an old epoch and never replicated, kept aside by auth-service for
 * an operator to re-apply or drop (contract {@code /internal/v1/replication/quarantine}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "QuarantineEntry", description = "An unreplicated write of a fenced DC, kept aside for an operator")
public record QuarantineEntry(
        long id,
        String userId,
        Long epoch,
        Instant firstChangeAt,
        Instant quarantinedAt,
        @Schema(description = "Which account fields the write changed (never their values)") List<String> changedFields,
        @Schema(enumeration = {"OPEN", "REAPPLIED", "DROPPED"}) String status,
        @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true) String reason) {
}
