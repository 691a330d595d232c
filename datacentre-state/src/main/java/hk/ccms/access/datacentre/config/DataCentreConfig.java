package hk.ccms.access.datacentre.config;

import hk.ccms.access.datacentre.domain.DataCentreRole;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Who this data centre is, where its peer and its auth-service are, and how the two DCs keep one
 * state. Each DC runs its own datacentre-state with its own database, so all of it comes from
 * configuration; local-run defaults are set in {@code application.properties}.
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

    /**
     * Base URL of the peer DC's datacentre-state; absent for a single data centre, which then
     * never waits for a peer to confirm it and has nobody to switch over to.
     */
    Optional<URI> peerUrl();

    /** Connect and answer timeout of every call to the peer; a peer slower than this counts as unreachable. */
    @WithDefault("2S")
    Duration peerTimeout();

    /** How often the state is exchanged with the peer and published to this DC's auth-service. */
    @WithDefault("1S")
    Duration syncInterval();

    SwitchOver switchOver();

    Operations operations();

    Sessions sessions();

    /** auth-service of this DC: operator sessions, the write fence, replication status, quarantine. */
    AuthService authService();

    interface AuthService {

        /**
         * Base URL for calls from this service (service to service); the operator-session check is
         * {@code GET {url}/api/v1/operations/session}.
         */
        URI url();

        /**
         * Base URL at which operators' browsers reach the same auth-service: the operations console
         * sends them to its sign-in page ({@code {public-url}/login.html?function=OPERATIONS_CONSOLE}).
         * It differs from {@link #url()} wherever browsers go through a proxy or another host name.
         */
        URI publicUrl();

        /** Connect and answer timeout of every call; when it passes, operator requests fail closed (503). */
        Duration timeout();
    }

    interface SwitchOver {

        /** How long a planned switch-over waits for this DC's replication to drain before it gives up. */
        @WithDefault("30S")
        Duration drainTimeout();

        /** How often auth-service is asked for its pending changes while draining. */
        @WithDefault("100MS")
        Duration drainPollInterval();
    }

    interface Operations {

        /**
         * Whether a second, different operator must approve switch-overs, fail-overs, session
         * openings and closings and quarantine decisions before they run.
         */
        @WithDefault("false")
        boolean twoPersonApproval();

        /** How long a request waits for its second operator before it expires. */
        @WithDefault("15M")
        Duration approvalLifetime();
    }

    interface Sessions {

        /**
         * Whether this DC opens and closes its own sessions on their windows by itself (operators
         * still can at any time); see {@code SessionScheduler}.
         */
        @WithDefault("false")
        boolean scheduled();

        /** How often the scheduler looks at the clock: a window is served at most this late. */
        @WithDefault("15S")
        Duration checkInterval();
    }

    /** Until an operator switches, the active DC is whichever of the pair is configured PRIMARY. */
    default String primaryDcId() {
        return role() == DataCentreRole.PRIMARY ? id() : peerId();
    }
}
