package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.DataCentreRole;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.SessionDefinition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Optional;

@Schema(description = "Who this data centre is and the data-centre state it holds")
public record DataCentreStatus(
        DataCentre dataCentre,
        StateView state,
        @Schema(description = "Whether this DC holds the current epoch, i.e. accepts logins and account writes")
        boolean thisDcIsActive) {

    @Schema(name = "DataCentre", description = "The data centre that answered")
    public record DataCentre(
            @Schema(examples = "PDC") String id,
            @Schema(examples = "Primary Data Centre") String name,
            DataCentreRole role) {

        static DataCentre of(DataCentreConfig config) {
            return new DataCentre(config.id(), config.name(), config.role());
        }
    }

    static DataCentreStatus of(DataCentreConfig config, DataCentreState state, Optional<SessionDefinition> openSession) {
        return new DataCentreStatus(DataCentre.of(config), StateView.of(state, openSession),
                state.snapshot().isActiveAt(config.id()));
    }
}
