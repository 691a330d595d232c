package hk.ccms.access.datacentre.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.datacentre.service.Approvals;
import hk.ccms.access.datacentre.service.DataCentreStateService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.NoCache;

import java.time.Clock;
import java.util.List;

/**
 * Two-person approval of operator actions (when {@code ccms.datacentre.operations.two-person-approval}
 * is on): the requests waiting for a second operator, and their approval or rejection.
 */
@Path("/api/v1/operations/datacentre/approvals")
@OperatorAccess
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Operator actions on the data-centre state (operator access token)")
@SecurityRequirement(name = "operator-token")
@APIResponse(responseCode = "401", description = "No valid operator token, or its session has ended",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an operator's token, or approving one's own request (approval-by-requester)",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "unknown-approval", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "409", description = "approval-decided or approval-expired", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class OperatorApprovalResource {

    private final Approvals approvals;
    private final DataCentreStateService states;
    private final CurrentOperator operator;
    private final Clock clock;

    public OperatorApprovalResource(Approvals approvals, DataCentreStateService states, CurrentOperator operator, Clock clock) {
        this.approvals = approvals;
        this.states = states;
        this.operator = operator;
        this.clock = clock;
    }

    @Schema(name = "ApprovalResult", description = "The approved request and what its action did (one of action, quarantine)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovalResult(
            ApprovalView approval,
            @Schema(description = "For a state change: its result", nullable = true) OperatorDataCentreResource.ActionResult action,
            @Schema(description = "For a quarantine decision: its result", nullable = true)
            OperatorDataCentreResource.QuarantineDecisionResult quarantine) {
    }

    @GET
    @NoCache
    @Operation(summary = "Requests waiting for a second operator, oldest first (expired ones are left out)")
    public List<ApprovalView> waiting() {
        return approvals.waiting().stream().map(approval -> ApprovalView.of(approval, clock.instant())).toList();
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve another operator's request: its action runs now, recorded with both operators",
            description = "If the action is refused (its problem is answered), the request waits again until it expires.")
    public ApprovalResult approve(@PathParam("id") @Positive long id) {
        Approvals.Approved approved = approvals.approve(id, operator.get());
        return new ApprovalResult(ApprovalView.of(approved.approval(), clock.instant()),
                approved.action() == null ? null : OperatorDataCentreResource.ActionResult.of(approved.action(), states),
                approved.quarantine() == null ? null : OperatorDataCentreResource.QuarantineDecisionResult.of(approved.quarantine()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a waiting request (the requester may withdraw their own); its action never runs")
    public ApprovalView reject(@PathParam("id") @Positive long id, @Valid @NotNull OperatorRequests.Action request) {
        return ApprovalView.of(approvals.reject(id, operator.get(), request.reason()), clock.instant());
    }
}
