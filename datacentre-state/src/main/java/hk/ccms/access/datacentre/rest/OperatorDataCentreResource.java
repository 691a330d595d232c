package hk.ccms.access.datacentre.rest;

import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.service.DataCentreStateService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.NoCache;

import java.util.List;

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
@APIResponse(responseCode = "503", description = "auth-service cannot confirm the session, or PostgreSQL is unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class OperatorDataCentreResource {

    static final int HISTORY_LIMIT = 50;
    private static final String SESSION_NAME = "[A-Z][A-Z0-9_]{0,31}";

    private final DataCentreConfig config;
    private final DataCentreStateService states;
    private final CurrentOperator operator;

    public OperatorDataCentreResource(DataCentreConfig config, DataCentreStateService states, CurrentOperator operator) {
        this.config = config;
        this.states = states;
        this.operator = operator;
    }

    @Schema(name = "OperatorDataCentreOverview")
    public record Overview(
            DataCentreStatus.DataCentre dataCentre,
            @Schema(examples = "SDC") String peerDc,
            boolean thisDcIsActive,
            @Schema(description = "Version of the state; send it back as expectedVersion to act on exactly this state")
            long version,
            StateView state,
            @Schema(description = "The latest " + HISTORY_LIMIT + " changes, newest first") List<HistoryEntry> history,
            List<SessionDefinitionView> sessions) {
    }

    @Schema(name = "OperatorActionResult")
    public record ActionResult(long version, StateView state, @Schema(description = "The history entry of this action") HistoryEntry change) {
    }

    @GET
    @NoCache
    @Operation(summary = "State, identity of this DC and its peer, recent history and the configured sessions")
    public Overview overview() {
        DataCentreState state = states.current();
        return new Overview(DataCentreStatus.DataCentre.of(config), config.peerId(), state.snapshot().isActiveAt(config.id()),
                state.version(), StateView.of(state, states.openSession(state)),
                states.history(HISTORY_LIMIT).stream().map(HistoryEntry::of).toList(),
                states.sessionDefinitions().stream().map(SessionDefinitionView::of).toList());
    }

    @POST
    @Path("/switch-over")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Planned switch-over to this DC or its peer (new epoch, normal production there)",
            description = "Refused while a session is open. Draining replication before the switch is not built yet.")
    public ActionResult switchOver(@Valid @NotNull OperatorRequests.Switch request) {
        return result(states.switchOver(operator.get(), request.targetDc(), request.reason(), request.expectedVersion()));
    }

    @POST
    @Path("/fail-over")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disaster fail-over: this DC takes over without its peer (new epoch, mode FAILED_OVER)",
            description = "Recorded by the DC that takes over, so targetDc must be this DC. Ends an open session.")
    public ActionResult failOver(@Valid @NotNull OperatorRequests.Switch request) {
        return result(states.failOver(operator.get(), request.targetDc(), request.reason(), request.expectedVersion()));
    }

    @POST
    @Path("/sessions/{name}/open")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a configured session at the active DC",
            description = "Outside the session's window it opens all the same and is flagged outsideWindow.")
    public ActionResult openSession(@PathParam("name") @Pattern(regexp = SESSION_NAME) String name,
                                    @Valid @NotNull OperatorRequests.Action request) {
        return result(states.openSession(operator.get(), name, request.reason(), request.expectedVersion()));
    }

    @POST
    @Path("/sessions/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the open session: business functions available, changes carry forward")
    public ActionResult closeSession(@Valid @NotNull OperatorRequests.Action request) {
        return result(states.closeSession(operator.get(), request.reason(), request.expectedVersion()));
    }

    private ActionResult result(DataCentreStateService.Outcome outcome) {
        DataCentreState state = outcome.state();
        return new ActionResult(state.version(), StateView.of(state, states.openSession(state)), HistoryEntry.of(outcome.change()));
    }
}
