package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.domain.ApprovalAction;
import hk.ccms.access.datacentre.domain.PendingApproval;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "PendingApproval", description = "An operator's action waiting for a second, different operator")
public record ApprovalView(
        long id,
        ApprovalAction action,
        @Schema(description = "The operator who asked") String requestedBy,
        @Schema(description = "Why, as the requester gave it; kept in the history when the action runs") String reason,
        @Schema(description = "When it was asked (UTC)") Instant requestedAt,
        @Schema(description = "Until when it may be approved (UTC)") Instant expiresAt,
        @Schema(enumeration = {"PENDING", "APPROVED", "REJECTED", "EXPIRED"}) String status,
        @Schema(description = "Switch-over and fail-over: the target DC", nullable = true) String targetDc,
        @Schema(description = "Session opening: the session", nullable = true) String session,
        @Schema(description = "Quarantine decisions: the quarantined entry", nullable = true) Long quarantineId,
        @Schema(description = "The state version the requester decided on, if given", nullable = true) Long expectedVersion,
        @Schema(description = "Who approved or rejected it", nullable = true) String decidedBy,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(description = "Why it was rejected", nullable = true) String decisionReason) {

    static ApprovalView of(PendingApproval approval, Instant now) {
        PendingApproval.Subject subject = approval.subject();
        String status = approval.expiredAt(now) ? "EXPIRED" : approval.status().name();
        return new ApprovalView(approval.id(), approval.action(), approval.requestedBy(), approval.reason(),
                approval.requestedAt(), approval.expiresAt(), status, subject.targetDc(), subject.sessionName(),
                subject.quarantineId(), subject.expectedVersion(), approval.decidedBy().orElse(null),
                approval.decidedAt().orElse(null), approval.decisionReason().orElse(null));
    }
}
