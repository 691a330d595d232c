package hk.ccms.access.auth.service.replication;

import java.time.Instant;

/** Where replication stands at this data centre, for datacentre-state, operators and tests. */
public record ReplicationStatus(
        String dataCentre, long epoch, long revision, String activeDc, boolean writable, boolean carryForward,
        String sessionName, long pendingChanges, Instant oldestPendingAt, Long lastShippedSeq, Instant lastShippedAt,
        Instant lastAttemptAt, String lastShipError, Lag lag, AppliedFromPeer appliedFromPeer, long openQuarantine,
        long accounts, String digest) {

    /** Time from a change's commit to the peer's acknowledgement, over the last {@link #windowSeconds} seconds. */
    public record Lag(Long p50Millis, Long p99Millis, long changes, int windowSeconds) {
    }

    /** The last batch applied here from the peer. */
    public record AppliedFromPeer(String sourceDc, long epoch, long seq, Instant appliedAt) {
    }
}
