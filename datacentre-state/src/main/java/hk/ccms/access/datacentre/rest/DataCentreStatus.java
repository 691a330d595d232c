package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreRole;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.SessionDefinition;
import hk.ccms.access.datacentre.service.PeerContact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

import java.util.Optional;

@Schema(description = "Who this data centre is and the data-centre state it holds")
public record DataCentreStatus(
        DataCentre dataCentre,
        StateView state,
        @Schema(description = "Whether this DC holds the current epoch and acts on it, i.e. accepts logins and account"
                + " writes: false while it has not confirmed its state or while it hands over")
        boolean thisDcIsActive,
        @Schema(description = "Whether this DC has exchanged state with its peer since it started (or was failed over to);"
                + " always true without a peer")
        boolean confirmed,
        Peer peer) {

    @Schema(name = "PeerDataCentre", description = "The peer data centre as this one last reached it")
    public record Peer(
            @Schema(examples = "SDC") String id,
            @Schema(description = "Whether a peer URL is configured") boolean configured,
            @Schema(description = "Whether the last call to the peer was answered") boolean reachable,
            @Schema(description = "When the peer last answered (UTC); null if never", nullable = true) Instant lastContactAt) {

        static Peer of(PeerContact.View view) {
            return new Peer(view.id(), view.configured(), view.reachable(), view.lastContactAt());
        }
    }

    @Schema(name = "DataCentre", description = "The data centre that answered")
    public record DataCentre(
            @Schema(examples = "PDC") String id,
            @Schema(examples = "Primary Data Centre") String name,
            DataCentreRole role) {

        static DataCentre of(DataCentreConfig config) {
            return new DataCentre(config.id(), config.name(), config.role());
        }
    }

    static DataCentreStatus of(DataCentreConfig config, DataCentreState state, Optional<SessionDefinition> openSession,
                               PeerContact peer) {
        return new DataCentreStatus(DataCentre.of(config), StateView.of(state, openSession),
                actsAsActive(config, state, peer), peer.confirmed(), Peer.of(peer.view()));
    }

    /** Active, confirmed, and not fenced for a hand-over: what auth-service is told makes it writable. */
    static boolean actsAsActive(DataCentreConfig config, DataCentreState state, PeerContact peer) {
        return state.snapshot().isActiveAt(config.id()) && peer.confirmed() && state.snapshot().handingOverTo().isEmpty();
    }
}
