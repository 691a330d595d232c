package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.StateChange;
import hk.ccms.access.datacentre.domain.StateChangeKind;
import hk.ccms.access.datacentre.domain.StateSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "StateChange", description = "One entry of the append-only history of the data-centre state")
public record HistoryEntry(
        long id,
        StateChangeKind kind,
        @Schema(description = "When (UTC)") Instant recordedAt,
        @Schema(description = "The DC whose datacentre-state recorded it", examples = "PDC") String recordedByDc,
        @Schema(description = "The operator (token subject); null for changes the service made itself", nullable = true) String actor,
        @Schema(description = "With two-person approval: the second operator, who approved it", nullable = true) String approvedBy,
        @Schema(description = "Why, as given by the operator") String reason,
        @Schema(description = "The state left; null for the first entry", nullable = true) Snapshot from,
        @Schema(description = "The state entered") Snapshot to,
        @Schema(description = "For a session opening: whether it was outside the session's window; null otherwise", nullable = true)
        Boolean outsideWindow,
        @Schema(description = "For a quarantine decision: the quarantined entry at auth-service", nullable = true) Long quarantineId,
        @Schema(description = "What the service adds: why a hand-over was aborted, where an adopted state came from", nullable = true)
        String note) {

    @Schema(name = "StateSnapshot")
    public record Snapshot(long epoch, long revision, String activeDc, DataCentreMode mode,
                           @Schema(nullable = true) String session, boolean businessFunctionsAvailable,
                           boolean carryForward, @Schema(nullable = true) String handingOverTo) {

        static Snapshot of(StateSnapshot snapshot) {
            return new Snapshot(snapshot.epoch(), snapshot.revision(), snapshot.activeDc(), snapshot.mode(),
                    snapshot.sessionName().orElse(null), snapshot.businessFunctionsAvailable(), snapshot.carryForward(),
                    snapshot.handingOverTo().orElse(null));
        }
    }

    static HistoryEntry of(StateChange change) {
        return new HistoryEntry(change.id(), change.kind(), change.recordedAt(), change.recordedByDc(), change.actor(),
                change.approvedBy().orElse(null), change.reason(), change.from().map(Snapshot::of).orElse(null), Snapshot.of(change.snapshot()),
                change.outsideWindow().orElse(null), change.quarantineId().orElse(null), change.note().orElse(null));
    }
}
