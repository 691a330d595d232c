package hk.ccms.access.datacentre.config;

import hk.ccms.access.datacentre.domain.DataCentreRole;
import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Who this data centre is. Each DC runs its own datacentre-state with its own database, so the
 * identity comes from configuration; local-run defaults are set in {@code application.properties}.
 */
@ConfigMapping(prefix = "ccms.datacentre")
public interface DataCentreConfig {

    /** Short, upper-case, stable: it is written into the state and compared with the peer's. */
    String DC_ID_PATTERN = "[A-Z][A-Z0-9]{1,15}";

    @Pattern(regexp = DC_ID_PATTERN)
    String id();

    @NotBlank
    String name();

    DataCentreRole role();

    @Pattern(regexp = DC_ID_PATTERN)
    String peerId();

    /** Until an operator switches, the active DC is whichever of the pair is configured PRIMARY. */
    default String primaryDcId() {
        return role() == DataCentreRole.PRIMARY ? id() : peerId();
    }
}
