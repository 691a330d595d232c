package hk.ccms.access.common.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The key both data centres share for calls between their services (replication, data-centre
 * state, fencing). Without a key no link call is made or accepted: a single data centre needs none.
 */
@ConfigMapping(prefix = "ccms.link")
public interface LinkConfig {

    /** Base64, at least 32 bytes; the same at every service of both data centres. */
    Optional<String> key();

    /** Which data centre this service belongs to: part of the issuer of the tokens it signs. */
    @WithDefault("${CCMS_DC_ID:PDC}")
    String dataCentre();

    @WithDefault("PT1M")
    Duration tokenLifetime();

    /** How long a link call may take to connect (each call sets its own answer timeout). */
    @WithDefault("PT2S")
    Duration connectTimeout();
}
