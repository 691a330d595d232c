package hk.ccms.access.datacentre.service;

/**
 * A clearing-house operator whose token and live session were checked for this request; with
 * two-person approval, the second operator who approved the action ({@code approvedBy}, else null).
 * Or the {@link #SCHEDULER}, which acts for the configuration rather than for a person.
 */
public record Operator(String userId, String approvedBy) {

    /**
     * The actor of sessions opened and closed on schedule ({@link SessionScheduler}). No operator
     * token may carry this name (the operator API refuses it), so that the history tells the
     * scheduler's sessions from an operator's.
     */
    public static final Operator SCHEDULER = new Operator("scheduler");

    public Operator(String userId) {
        this(userId, null);
    }

    /** The same operator's action, approved by {@code approver}. */
    public Operator approvedBy(Operator approver) {
        return new Operator(userId, approver.userId());
    }

    /** For logs: who acted, and who approved. */
    public String describe() {
        if (SCHEDULER.equals(this)) {
            return "Scheduler";
        }
        return approvedBy == null ? "Operator " + userId : "Operator " + userId + " (approved by " + approvedBy + ")";
    }
}
