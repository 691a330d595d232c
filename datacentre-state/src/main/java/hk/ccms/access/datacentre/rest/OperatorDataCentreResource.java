package hk.ccms.access.datacentre.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.ApprovalAction;
import hk.ccms.access.datacentre.domain.PendingApproval;
import hk.ccms.access.datacentre.domain.SharedState;
import hk.ccms.access.datacentre.service.Approvals;
import hk.ccms.access.datacentre.service.AuthServiceLink;
import hk.ccms.access.datacentre.service.AuthStatePublisher;
import hk.ccms.access.datacentre.service.DataCentreStateService;
import hk.ccms.access.datacentre.service.OperatorActions;
import hk.ccms.access.datacentre.service.PeerContact;
import hk.ccms.access.datacentre.service.QuarantineEntry;
import hk.ccms.access.datacentre.service.ReplicationStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.NoCache;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operators' view of the data-centre state and their actions on it. Every action names a
 * reason, is checked against the current state, and is recorded in the history with the operator
 * as actor; refusals are problem documents with stable types.
 */
@Path("/api/v1/operations/datacentre")
@OperatorAccess
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Operator actions on the data-centre state (operator access token)")
@SecurityScheme(securitySchemeName = "operator-token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An operations-console access token from auth-service (role OPERATOR, audience ccms-operations)")
@SecurityRequirement(name = "operator-token")
@APIResponse(responseCode = "401", description = "No valid operator token, or its session has ended",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token is not an operator's operations-console token",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "503", description = "auth-service cannot confirm the session or is needed and unavailable, or PostgreSQL is unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class OperatorDataCentreResource {

    static final int HISTORY_LIMIT = 50;

    private final DataCentreConfig config;
    private final DataCentreStateService states;
    private final OperatorActions actions;
    private final PeerContact peer;
    private final AuthStatePublisher publisher;
    private final Approvals approvals;
    private final CurrentOperator operator;
    private final Clock clock;

    public OperatorDataCentreResource(DataCentreConfig config, DataCentreStateService states, OperatorActions actions,
                                      PeerContact peer, AuthStatePublisher publisher, Approvals approvals,
                                      CurrentOperator operator, Clock clock) {
        this.config = config;
        this.states = states;
        this.actions = actions;
        this.peer = peer;
        this.publisher = publisher;
        this.approvals = approvals;
        this.operator = operator;
        this.clock = clock;
    }

    @Schema(name = "OperatorDataCentreOverview")
    public record Overview(
            DataCentreStatus.DataCentre dataCentre,
            @Schema(examples = "SDC") String peerDc,
            boolean thisDcIsActive,
            boolean confirmed,
            DataCentreStatus.Peer peer,
            @Schema(description = "Version of the state; send it back as expectedVersion to act on exactly this state")
            long version,
            StateView state,
            @Schema(description = "The latest " + HISTORY_LIMIT + " changes, newest first") List<HistoryEntry> history,
            List<SessionDefinitionView> sessions) {
    }

    @Schema(name = "OperatorActionResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionResult(
            long version,
            StateView state,
            @Schema(description = "The history entry of this action") HistoryEntry change,
            @Schema(description = "This DC's auth-service's answer to the new state") OperatorActions.Publication authService,
            @Schema(description = "Session close only: the closed session did not carry forward and auth-service has not yet"
                    + " discarded its changes; the next publication that reaches it does", nullable = true) Boolean discardPending,
            @Schema(description = "Switch-over only: how long account writes were refused, from the fence here to the"
                    + " peer's acknowledgement of the new state", nullable = true) Long unavailableMillis,
            @Schema(description = "Switch-over only: the peer did not acknowledge the new state", nullable = true) String warning) {

        static ActionResult of(OperatorActions.ActionOutcome done, DataCentreStateService states) {
            DataCentreState state = done.outcome().state();
            return new ActionResult(state.version(), StateView.of(state, states.openSession(state)),
                    HistoryEntry.of(done.outcome().change()), done.authService(), done.discardPending(), done.unavailableMillis(),
                    done.warning());
        }
    }

    @Schema(name = "ReplicationOverview")
    public record ReplicationOverview(
            DataCentreStatus.DataCentre dataCentre,
            boolean thisDcIsActive,
            boolean confirmed,
            StateView state,
            DataCentreStatus.Peer peer,
            @Schema(description = "Replication as this DC's auth-service reports it now") ReplicationStatus authService,
            @Schema(description = "When auth-service last acknowledged the state (UTC); null if not since start", nullable = true)
            Instant lastPublishedAt) {
    }

    @Schema(name = "QuarantineDecisionResult")
    public record QuarantineDecisionResult(
            @Schema(description = "The entry as auth-service holds it after the decision") QuarantineEntry entry,
            @Schema(description = "The history entry of the decision") HistoryEntry change) {

        static QuarantineDecisionResult of(OperatorActions.QuarantineOutcome outcome) {
            return new QuarantineDecisionResult(outcome.entry(), HistoryEntry.of(outcome.change()));
        }
    }

    @GET
    @NoCache
    @Operation(summary = "State, identity of this DC and its peer, recent history and the configured sessions")
    public Overview overview() {
        DataCentreState state = states.current();
        return new Overview(DataCentreStatus.DataCentre.of(config), config.peerId(),
                DataCentreStatus.actsAsActive(config, state, peer), peer.confirmed(), DataCentreStatus.Peer.of(peer.view()),
                state.version(), StateView.of(state, states.openSession(state)),
                states.history(HISTORY_LIMIT).stream().map(HistoryEntry::of).toList(),
                states.sessionDefinitions().stream().map(SessionDefinitionView::of).toList());
    }

    @POST
    @Path("/switch-over")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Planned switch-over from this DC (the active one) to its peer",
            description = "Fences account writes here, waits for replication to drain (at most the drain timeout), then the"
                    + " peer takes a new epoch in normal production. Refused while a session is open, at a DC that is not"
                    + " active (not-active-dc) and when the peer cannot be reached (peer-unreachable: use fail-over).")
    @APIResponse(responseCode = "200", description = "Switched over",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "202", description = "Two-person approval: waits for a second operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(responseCode = "503", description = "peer-unreachable, switch-over-not-drained, or dependency-unavailable"
            + " (auth-service cannot fence writes)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response switchOver(@Valid @NotNull OperatorRequests.Switch request) {
        PendingApproval.Subject subject = new PendingApproval.Subject(request.targetDc(), null, null, request.expectedVersion());
        return actOrAwaitApproval(ApprovalAction.SWITCH_OVER, subject, request.reason(), () ->
                ActionResult.of(actions.switchOver(operator.get(), request.targetDc(), request.reason(), request.expectedVersion()), states));
    }

    @POST
    @Path("/fail-over")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disaster fail-over: this DC takes over without its peer (new epoch, mode FAILED_OVER)",
            description = "Recorded by the DC that takes over, so targetDc must be this DC; only while the peer cannot be"
                    + " reached (peer-reachable otherwise). Ends an open session.")
    @APIResponse(responseCode = "200", description = "Failed over",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "202", description = "Two-person approval: waits for a second operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    public Response failOver(@Valid @NotNull OperatorRequests.Switch request) {
        PendingApproval.Subject subject = new PendingApproval.Subject(request.targetDc(), null, null, request.expectedVersion());
        return actOrAwaitApproval(ApprovalAction.FAIL_OVER, subject, request.reason(), () ->
                ActionResult.of(actions.failOver(operator.get(), request.targetDc(), request.reason(), request.expectedVersion()), states));
    }

    @POST
    @Path("/sessions/{name}/open")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a configured session at the active DC (this one)",
            description = "Outside the session's window it opens all the same and is flagged outsideWindow.")
    @APIResponse(responseCode = "200", description = "Opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "202", description = "Two-person approval: waits for a second operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    public Response openSession(@PathParam("name") @Pattern(regexp = SharedState.SESSION_NAME) String name,
                                @Valid @NotNull OperatorRequests.Action request) {
        PendingApproval.Subject subject = new PendingApproval.Subject(null, name, null, request.expectedVersion());
        return actOrAwaitApproval(ApprovalAction.OPEN_SESSION, subject, request.reason(), () ->
                ActionResult.of(actions.openSession(operator.get(), name, request.reason(), request.expectedVersion()), states));
    }

    @POST
    @Path("/sessions/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the open session at the active DC (this one): business functions available, changes carry forward")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "202", description = "Two-person approval: waits for a second operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    public Response closeSession(@Valid @NotNull OperatorRequests.Action request) {
        PendingApproval.Subject subject = new PendingApproval.Subject(null, null, null, request.expectedVersion());
        return actOrAwaitApproval(ApprovalAction.CLOSE_SESSION, subject, request.reason(), () ->
                ActionResult.of(actions.closeSession(operator.get(), request.reason(), request.expectedVersion()), states));
    }

    @GET
    @Path("/replication")
    @NoCache
    @Operation(summary = "Replication as this DC's auth-service reports it now, the peer's reachability and the state; "
            + "digest=false leaves out the state digest (a hash over every account), for frequent polls")
    @APIResponse(responseCode = "503", description = "auth-service cannot be asked", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReplicationOverview replication(@QueryParam("digest") @DefaultValue("true") boolean withDigest) {
        ReplicationStatus status = actions.replicationStatus(withDigest);
        DataCentreState state = states.current();
        return new ReplicationOverview(DataCentreStatus.DataCentre.of(config), DataCentreStatus.actsAsActive(config, state, peer),
                peer.confirmed(), StateView.of(state, states.openSession(state)), DataCentreStatus.Peer.of(peer.view()),
                status, publisher.last().map(AuthStatePublisher.Published::at).orElse(null));
    }

    @GET
    @Path("/quarantine")
    @NoCache
    @Operation(summary = "Writes of a fenced DC kept aside by this DC's auth-service, for an operator to re-apply or drop")
    public List<QuarantineEntry> quarantine() {
        return actions.quarantine();
    }

    @POST
    @Path("/quarantine/{id}/reapply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-apply a quarantined write at the active DC; recorded in the history",
            description = "auth-service's refusals (404, 409 quarantine-decided, 503) are passed on as they are.")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QuarantineDecisionResult.class)))
    @APIResponse(responseCode = "202", description = "Two-person approval: waits for a second operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    public Response reapply(@PathParam("id") @Positive long id, @Valid @NotNull OperatorRequests.Action request) {
        return decide(id, ApprovalAction.REAPPLY_QUARANTINE, AuthServiceLink.QuarantineDecision.REAPPLY, request);
    }

    @POST
    @Path("/quarantine/{id}/drop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Drop a quarantined write for good; recorded in the history",
            description = "auth-service's refusals (404, 409 quarantine-decided) are passed on as they are.")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QuarantineDecisionResult.class)))
    @APIResponse(responseCode = "202", description = "Two-person approval: waits for a second operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    public Response drop(@PathParam("id") @Positive long id, @Valid @NotNull OperatorRequests.Action request) {
        return decide(id, ApprovalAction.DROP_QUARANTINE, AuthServiceLink.QuarantineDecision.DROP, request);
    }

    private Response decide(long id, ApprovalAction action, AuthServiceLink.QuarantineDecision decision,
                            OperatorRequests.Action request) {
        return actOrAwaitApproval(action, new PendingApproval.Subject(null, null, id, null), request.reason(), () ->
                QuarantineDecisionResult.of(actions.decide(operator.get(), id, decision, request.reason())));
    }

    /** With two-person approval the action waits for a second operator (202); otherwise it runs now (200). */
    private Response actOrAwaitApproval(ApprovalAction action, PendingApproval.Subject subject, String reason, Supplier<Object> act) {
        if (approvals.required()) {
            PendingApproval pending = approvals.request(operator.get(), action, subject, reason);
            return Response.accepted(ApprovalView.of(pending, clock.instant())).build();
        }
        return Response.ok(act.get()).build();
    }
}
