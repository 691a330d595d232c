package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.DataCentreRole;
import hk.ccms.access.datacentre.domain.DataCentreState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "Who this data centre is and the data-centre state it holds")
public record DataCentreStatus(
        DataCentre dataCentre,
        State state,
        @Schema(description = "Whether this DC holds the current epoch, i.e. accepts logins and account writes")
        boolean thisDcIsActive) {

    @Schema(name = "DataCentre", description = "The data centre that answered")
    public record DataCentre(
            @Schema(examples = "PDC") String id,
            @Schema(examples = "Primary Data Centre") String name,
            DataCentreRole role) {
    }

    @Schema(name = "DataCentreStateView", description = "The state of the data-centre pair as known here")
    public record State(
            @Schema(description = "Increases at every switch-over or fail-over") long epoch,
            @Schema(description = "Id of the DC that holds this epoch", examples = "PDC") String activeDc,
            DataCentreMode mode,
            @Schema(description = "Name of the open test session; null outside one", nullable = true) String session,
            @Schema(description = "Whether account changes made now are kept beyond the current session") boolean carryForward,
            @Schema(description = "When the state last changed (UTC)") Instant updatedAt) {
    }

    static DataCentreStatus of(DataCentreConfig config, DataCentreState state) {
        return new DataCentreStatus(
                new DataCentre(config.id(), config.name(), config.role()),
                new State(state.snapshot().epoch(), state.snapshot().activeDc(), state.snapshot().mode(),
                        state.snapshot().sessionName().orElse(null), state.snapshot().carryForward(), state.updatedAt()),
                state.snapshot().isActiveAt(config.id()));
    }
}
