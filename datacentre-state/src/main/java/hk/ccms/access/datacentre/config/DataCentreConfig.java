package hk.ccms.access.datacentre.config;

import hk.ccms.access.datacentre.domain.DataCentreRole;
import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.time.Duration;

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

    /** auth-service of this DC, which alone knows whether an operator's session is still live. */
    AuthService authService();

    interface AuthService {

        /** Base URL; the operator-session check is {@code GET {url}/api/v1/operations/session}. */
        URI url();

        /** Connect and answer timeout of that check; when it passes, operator requests fail closed (503). */
        Duration timeout();
    }

    /** Until an operator switches, the active DC is whichever of the pair is configured PRIMARY. */
    default String primaryDcId() {
        return role() == DataCentreRole.PRIMARY ? id() : peerId();
    }
}
