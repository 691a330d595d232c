package hk.ccms.access.datacentre.service;

import java.util.List;

/**
 * The internal API of this DC's auth-service that datacentre-state drives: telling it the state
 * (which fences or unfences its writes and ends no-carry-forward sessions), reading how its
 * replication stands, and the quarantine of a fenced DC's unreplicated writes.
 * <p>
 * A problem document auth-service answers with (4xx) is thrown as a
 * {@link hk.ccms.access.common.problem.ProblemException} of the same status and type, to be passed
 * on to the operator.
 */
public interface AuthServiceLink {

    /** auth-service gave no usable answer: not reachable in time, 5xx, or no link key to call it with. */
    final class Unavailable extends Exception {
        public Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    enum QuarantineDecision { REAPPLY, DROP }

    ReplicationStatus publish(PublishedState state) throws Unavailable;

    /**
     * auth-service's replication status; {@code withDigest} false leaves out the state digest (a
     * hash over every account): what the switch-over's drain and the console's frequent polls read.
     */
    ReplicationStatus replicationStatus(boolean withDigest) throws Unavailable;

    List<QuarantineEntry> quarantine() throws Unavailable;

    QuarantineEntry decide(long id, QuarantineDecision decision, String operator, String reason) throws Unavailable;
}
