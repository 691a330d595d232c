package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.ProblemType;

/** The problems only datacentre-state answers with; the operator console switches on their URNs. */
public final class DataCentreProblemType {

    public static final ProblemType STATE_CHANGED = ProblemType.of("state-changed", "The data-centre state changed meanwhile", 409);
    public static final ProblemType INVALID_TARGET = ProblemType.of("invalid-target", "This data centre cannot be the target", 422);
    public static final ProblemType ALREADY_ACTIVE = ProblemType.of("already-active", "The target data centre is already active", 409);
    public static final ProblemType SESSION_OPEN = ProblemType.of("session-open", "A session is open", 409);
    public static final ProblemType NO_SESSION_OPEN = ProblemType.of("no-session-open", "No session is open", 409);
    public static final ProblemType SESSION_DC_NOT_ACTIVE = ProblemType.of("session-dc-not-active", "The session's data centre is not the active one", 409);
    public static final ProblemType UNKNOWN_SESSION = ProblemType.of("unknown-session", "No such session is configured", 404);
    public static final ProblemType NOT_ACTIVE_DC = ProblemType.of("not-active-dc", "This data centre is not the active one", 409);
    public static final ProblemType HANDOVER_IN_PROGRESS = ProblemType.of("handover-in-progress", "A planned switch-over is in progress", 409);
    public static final ProblemType PEER_UNREACHABLE = ProblemType.of("peer-unreachable", "The peer data centre cannot be reached", 503);
    public static final ProblemType PEER_REACHABLE = ProblemType.of("peer-reachable", "The peer data centre is reachable", 409);
    public static final ProblemType SWITCH_OVER_NOT_DRAINED = ProblemType.of("switch-over-not-drained",
            "Replication did not drain; the switch-over was aborted", 503);
    public static final ProblemType UNKNOWN_APPROVAL = ProblemType.of("unknown-approval", "No such approval request", 404);
    public static final ProblemType APPROVAL_BY_REQUESTER = ProblemType.of("approval-by-requester",
            "An operator cannot approve their own request", 403);
    public static final ProblemType APPROVAL_DECIDED = ProblemType.of("approval-decided", "The request was already decided", 409);
    public static final ProblemType APPROVAL_EXPIRED = ProblemType.of("approval-expired", "The request has expired", 409);
    public static final ProblemType STALE_EPOCH = ProblemType.of("stale-epoch", "A newer data-centre state is held here", 409);

    private DataCentreProblemType() {
    }
}
