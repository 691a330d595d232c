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

    private DataCentreProblemType() {
    }
}
