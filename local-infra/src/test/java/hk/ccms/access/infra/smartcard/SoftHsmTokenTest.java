package hk.ccms.access.infra.smartcard;

import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.infra.pki.KeyAlgorithm;
import hk.ccms.access.infra.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A real PKCS#11 token (SoftHSM2 through SunPKCS11) holds card keys that sign but never leave it. */
class SoftHsmTokenTest {

    private static final String PIN = "4321";
    private static final byte[] MESSAGE = SmartcardClient.signedMessage("c-1", "AAAA");

    @TempDir
    static Path tokens;
    private static TestPki pki;
    private static SoftHsmToken token;
    private static boolean homeConfigExistedBefore;

    @BeforeAll
    static void createToken() {
        assumeTrue(SoftHsmToken.available(), "SoftHSM2 is not installed: apt-get install -y softhsm2");
        homeConfigExistedBefore = Files.exists(homeConfig());
        pki = TestPki.generate();
        token = SoftHsmToken.create(tokens.resolve("first"), "ccms-test", PIN);
    }

    @AfterAll
    static void closeToken() {
        if (token != null) {
            token.close();
        }
    }

    @Test
    void rsaAndEcKeysGeneratedOnTheTokenSignAndTheCertificatesVerify() throws Exception {
        Card rsa = putCardOnToken(token, "ALICE01", KeyAlgorithm.RSA_2048);
        Card ec = putCardOnToken(token, "CAROL02", KeyAlgorithm.EC_P256);

        for (Card card : List.of(rsa, ec)) {
            CardSigner signer = token.signer(card.userId());
            assertEquals(card.chain(), signer.chain());
            assertEquals(token.provider(), signer.provider());
            assertNull(signer.key().getEncoded(), "the key cannot be read off the token");
            byte[] signature = signer.sign(MESSAGE);
            assertTrue(signer.algorithm().verify(card.certificate().getPublicKey(), MESSAGE, signature), card.userId());
            assertFalse(signer.algorithm().verify(card.certificate().getPublicKey(), "other".getBytes(StandardCharsets.UTF_8), signature));
        }
        assertEquals(SignatureAlgorithm.RS256, token.signer("ALICE01").algorithm());
        assertEquals(SignatureAlgorithm.ES256, token.signer("CAROL02").algorithm());
    }

    @Test
    void rsaPssIsSignedOnTheTokenWithTheApisParameters() throws Exception {
        assumeTrue(token.supports(SignatureAlgorithm.PS256), "this SoftHSM lacks CKM_RSA_PKCS_PSS");
        Card card = putCardOnToken(token, "DAISY01", KeyAlgorithm.RSA_2048);

        CardSigner signer = token.signer("DAISY01", SignatureAlgorithm.PS256);
        byte[] signature = signer.sign(MESSAGE);

        assertTrue(SignatureAlgorithm.PS256.verify(card.certificate().getPublicKey(), MESSAGE, signature));
        assertFalse(SignatureAlgorithm.RS256.verify(card.certificate().getPublicKey(), MESSAGE, signature));
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() {
        token.generateCardKey("BRIAN01", KeyAlgorithm.EC_P256);
        Card other = pki.issueCard("BRIAN01", KeyAlgorithm.EC_P256, Duration.ofDays(1));

        assertThrows(IllegalArgumentException.class, () -> token.storeCertificate("BRIAN01", other.chainArray()));
        assertThrows(IllegalStateException.class, () -> token.storeCertificate("NOBODY", other.chainArray()));
    }

    @Test
    void anotherTokenInTheSameJvmAndTheSameTokenOpenedAgainBothWork() {
        try (SoftHsmToken second = SoftHsmToken.create(tokens.resolve("second"), "ccms-second", "9876")) {
            Card card = putCardOnToken(second, "DAVID01", KeyAlgorithm.RSA_2048);
            assertEquals(List.of("DAVID01"), second.aliases());
            assertFalse(token.aliases().contains("DAVID01"), "each token sees only its own directory");

            try (SoftHsmToken reopened = SoftHsmToken.open(tokens.resolve("second"), "9876")) {
                assertEquals("ccms-second", reopened.label());
                CardSigner signer = reopened.signer("DAVID01");
                assertTrue(verifies(card.certificate().getPublicKey(), signer));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SoftHsmToken.open(tokens.resolve("second"), "0000"), "wrong PIN");
    }

    @Test
    void aDemoKeyFileIsImportedAsANonExtractableKey() {
        Card demo = pki.issueCard("BRIAN01", KeyAlgorithm.RSA_2048, Duration.ofDays(1));

        token.storeCertificate("BRIAN01-imported", demo.privateKey(), demo.chainArray());

        CardSigner signer = token.signer("BRIAN01-imported");
        assertNull(signer.key().getEncoded());
        assertTrue(verifies(demo.certificate().getPublicKey(), signer));
    }

    @Test
    void noSoftHsmConfigurationIsLeftWhereTheLibraryLooksForIt() {
        assertEquals(homeConfigExistedBefore, Files.exists(homeConfig()));
    }

    /** Key generated on the token, certificate from the test PKI, both stored on the token. */
    private static Card putCardOnToken(SoftHsmToken on, String userId, KeyAlgorithm algorithm) {
        PublicKey publicKey = on.generateCardKey(userId, algorithm);
        Card card = pki.issueCard(userId, publicKey);
        on.storeCertificate(userId, card.chainArray());
        return card;
    }

    private static boolean verifies(PublicKey key, CardSigner signer) {
        try {
            return signer.algorithm().verify(key, MESSAGE, signer.sign(MESSAGE));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Path homeConfig() {
        String explicit = System.getenv("SOFTHSM2_CONF");
        return explicit != null ? Path.of(explicit) : Path.of(System.getProperty("user.home"), ".config/softhsm2/softhsm2.conf");
    }
}
