package hk.ccms.access.datacentre.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * How replication stands at this DC's auth-service, as it reports it (contract
 * {@code GET /internal/v1/replication/status}). A planned switch-over has drained when the fenced
 * active DC reports {@code pendingChanges == 0}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ReplicationStatus", description = "Replication as this DC's auth-service reports it")
public record ReplicationStatus(
        String dataCentre,
        Long epoch,
        String activeDc,
        Boolean writable,
        Boolean carryForward,
        @Schema(nullable = true) String sessionName,
        @Schema(description = "Account changes not yet acknowledged by the peer") Long pendingChanges,
        @Schema(nullable = true) Instant oldestPendingAt,
        Long lastShippedSeq,
        @Schema(nullable = true) Instant lastShippedAt,
        @Schema(nullable = true) String lastShipError,
        @Schema(nullable = true, description = "Time from a change's commit to the peer's acknowledgement") Lag lag,
        @Schema(nullable = true) AppliedFromPeer appliedFromPeer,
        Long openQuarantine,
        Long accounts,
        @Schema(description = "SHA-256 (hex) of the replicated account state") String digest) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReplicationLag")
    public record Lag(@Schema(nullable = true) Long p50Millis, @Schema(nullable = true) Long p99Millis, Long changes,
                      Integer windowSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "AppliedFromPeer")
    public record AppliedFromPeer(Long epoch, Long seq, Instant appliedAt) {
    }

    public boolean drained() {
        return pendingChanges != null && pendingChanges == 0;
    }
}
