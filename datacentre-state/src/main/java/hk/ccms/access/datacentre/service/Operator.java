package hk.ccms.access.datacentre.service;

/**
 * A clearing-house operator whose token and live session were checked for this request; with
 * two-person approval, the second operator who approved the action ({@code approvedBy}, else null).
 */
public record Operator(String userId, String approvedBy) {

    public Operator(String userId) {
        this(userId, null);
    }

    /** The same operator's action, approved by {@code approver}. */
    public Operator approvedBy(Operator approver) {
        return new Operator(userId, approver.userId());
    }

    /** For logs: who acted, and who approved. */
    public String describe() {
        return approvedBy == null ? "Operator " + userId : "Operator " + userId + " (approved by " + approvedBy + ")";
    }
}
