package hk.ccms.access.datacentre.rest;

import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.service.DataCentreStateService;
import hk.ccms.access.datacentre.service.PeerContact;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.NoCache;

@Path("/api/v1/datacentre")
@Tag(name = "Data centre", description = "Which data centre is active, and in which mode")
public class DataCentreResource {

    private final DataCentreConfig config;
    private final DataCentreStateService states;
    private final PeerContact peer;

    public DataCentreResource(DataCentreConfig config, DataCentreStateService states, PeerContact peer) {
        this.config = config;
        this.states = states;
        this.peer = peer;
    }

    /** Public on purpose: clients and the peer DC need it before they hold any token, and it holds no secret. */
    @GET
    @PermitAll
    @NoCache
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Status of this data centre",
            description = "This DC's identity and the data-centre state it holds. Read-only and public.")
    @APIResponse(responseCode = "200", description = "The current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataCentreStatus.class)))
    @APIResponse(responseCode = "503", description = "The state store (PostgreSQL) cannot be reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DataCentreStatus status() {
        DataCentreState state = states.current();
        return DataCentreStatus.of(config, state, states.openSession(state), peer);
    }
}
