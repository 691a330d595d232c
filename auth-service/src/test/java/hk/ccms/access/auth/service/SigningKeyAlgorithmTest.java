package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.SigningKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key left by a version that signed RS256 is neither used nor published, even when it is the
 * newest key in the table: tokens are ES256 only.
 */
@QuarkusTest
class SigningKeyAlgorithmTest {

    private static final String LEGACY_KID = "legacy-rs256-key";

    @Inject
    AuthConfig config;

    @Inject
    Clock clock;

    @AfterEach
    void removeTheLegacyKey() {
        QuarkusTransaction.requiringNew().run(() -> SigningKey.deleteById(LEGACY_KID));
    }

    @Test
    void aNewerKeyOfAnotherAlgorithmIsIgnored() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        SigningKey legacy = new SigningKey();
        legacy.kid = LEGACY_KID;
        legacy.algorithm = "RS256";
        legacy.publicKey = rsa.generateKeyPair().getPublic().getEncoded();
        legacy.wrappedPrivateKey = new byte[64];
        legacy.createdAt = clock.instant().plus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(legacy::persist);

        SigningKeys restarted = new SigningKeys(config, clock);
        QuarkusTransaction.requiringNew().run(restarted::load);

        assertThat(restarted.current().kid()).isNotEqualTo(LEGACY_KID);
        assertThat(restarted.current().privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(restarted.publicKeys().getJsonWebKeys()).isNotEmpty()
                .allSatisfy(key -> {
                    assertThat(key.getKeyId()).isNotEqualTo(LEGACY_KID);
                    assertThat(key.getAlgorithm()).isEqualTo("ES256");
                    assertThat(key.getKeyType()).isEqualTo("EC");
                });
        assertThat(restarted.jwksJson()).doesNotContain(LEGACY_KID).doesNotContain("RS256");
    }
}
