package hk.ccms.access.datacentre.rest;

import hk.ccms.access.common.link.DataCentreLink;
import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.datacentre.domain.SharedState;
import hk.ccms.access.datacentre.service.DataCentreStateService;
import hk.ccms.access.datacentre.service.PeerSync;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.NoCache;

/** The state as the peer DC's datacentre-state exchanges it; only the platform's own services may call. */
@Path("/internal/v1/datacentre/state")
@DataCentreLink
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data-centre link", description = "Between the two data centres' datacentre-state (link token, audience datacentre-state)")
@APIResponse(responseCode = "401", description = "No valid link token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "503", description = "No link key configured here", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class DataCentreLinkResource {

    private final DataCentreStateService states;
    private final PeerSync peerSync;

    public DataCentreLinkResource(DataCentreStateService states, PeerSync peerSync) {
        this.states = states;
        this.peerSync = peerSync;
    }

    @GET
    @NoCache
    @Operation(summary = "The state this DC holds")
    public SharedState state() {
        return states.current().shared();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The peer's state: adopted when its (epoch, revision) is higher, a no-op when equal",
            description = "Answers the state held afterwards. A newer state is published to this DC's auth-service before"
                    + " the answer, so that an acknowledgement means this DC acts on it.")
    @APIResponse(responseCode = "409", description = "stale-epoch: a newer state is held here (extension state)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SharedState receive(@Valid @NotNull SharedState theirs) {
        return peerSync.receive(theirs);
    }
}
