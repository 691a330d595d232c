package hk.ccms.access.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.infra.launcher.DataCentrePair;
import hk.ccms.access.infra.launcher.DataCentrePairSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Both data centres wired to each other as in production (each its own PostgreSQL, Redis, SMTP, SMPP and three
 * service processes; peer URLs and one link key) shared by the tests of this JVM: started once on free ports, with
 * {@link RunningDataCentre#TEST_ENVIRONMENT} at both, and stopped when the JVM exits. Unrelated to
 * {@link RunningDataCentre#primary()}, a data centre on its own.
 * Inboxes per data centre: {@code RunningDataCentre.awaitCode(pdc(), …)}; a crash of a data centre's application
 * tier: {@code sdc().killServices()} then {@code sdc().restartServices()}.
 */
final class RunningDataCentrePair {

    private static final Duration LINK_TOKEN_LIFETIME = Duration.ofMinutes(1);
    private static DataCentrePair pair;

    private RunningDataCentrePair() {
    }

    static synchronized DataCentrePair pair() {
        if (pair == null) {
            pair = DataCentrePair.start(DataCentrePairSpec.ephemeral(RunningDataCentre.projectRoot(), RunningDataCentre.TEST_ENVIRONMENT));
            Runtime.getRuntime().addShutdownHook(new Thread(pair::close));
            // The demo accounts are made at PDC once it knows it is active, and reach SDC by replication.
            // Polled in this thread: the link token for the status read comes from pair(), whose lock this thread holds.
            await("the demo accounts are at both data centres").atMost(Duration.ofSeconds(60)).pollInSameThread().until(() ->
                    DataCentreOperations.replication(pair.primary()).getLong("accounts") == RunningDataCentre.DEMO_ACCOUNTS
                            && DataCentreOperations.replication(pair.primary()).getString("digest")
                            .equals(DataCentreOperations.replication(pair.secondary()).getString("digest")));
        }
        return pair;
    }

    /** The primary data centre of the pair, active when the pair starts. */
    static DataCentre pdc() {
        return pair().primary();
    }

    /** The secondary data centre of the pair, the standby when the pair starts. */
    static DataCentre sdc() {
        return pair().secondary();
    }

    /**
     * An Authorization header for a link-only endpoint of {@code audience} ("auth-service" or "datacentre-state"),
     * signed with the pair's link key as a peer's service signs it, e.g. to read {@code /internal/v1/replication/status}.
     */
    static String linkAuthorization(String audience) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("integration-tests")
                .subject("integration-tests")
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LINK_TOKEN_LIFETIME)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(new MACSigner(Base64.getDecoder().decode(pair().linkKey())));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a link token", e);
        }
        return "Bearer " + token.serialize();
    }
}
