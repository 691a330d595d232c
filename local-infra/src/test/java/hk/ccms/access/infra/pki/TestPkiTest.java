package hk.ccms.access.infra.pki;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test PKI holds up under the JDK's own PKIX validator, the way auth-service will check cards. */
class TestPkiTest {

    private static TestPki pki;

    @BeforeAll
    static void generate() {
        pki = TestPki.generate();
    }

    @Test
    void aGoodCardValidatesToTheRootAndCarriesTheCardProfile() throws Exception {
        Card card = pki.issueCard("ALICE01", KeyAlgorithm.RSA_2048, Duration.ofDays(30));

        validate(card);

        X509Certificate certificate = card.certificate();
        assertEquals("CN=ALICE01, O=CCMS Test Participant, C=HK", certificate.getSubjectX500Principal().toString());
        assertEquals(TestPki.CARD_CA_NAME, certificate.getIssuerX500Principal());
        assertEquals(List.of(certificate, pki.cardCaCertificate()), card.chain());
        assertTrue(certificate.getCriticalExtensionOIDs().contains("2.5.29.15"), "key usage is critical");
        boolean[] keyUsage = certificate.getKeyUsage();
        assertTrue(keyUsage[0], "digitalSignature");
        for (int i = 1; i < keyUsage.length; i++) {
            assertFalse(keyUsage[i], "only digitalSignature");
        }
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), certificate.getExtendedKeyUsage());
        assertEquals(-1, certificate.getBasicConstraints());
        BigInteger serial = certificate.getSerialNumber();
        assertEquals(1, serial.signum());
        assertEquals(128, serial.bitLength());
        Instant notBefore = certificate.getNotBefore().toInstant();
        assertTrue(notBefore.isBefore(Instant.now().minusSeconds(50)) && notBefore.isAfter(Instant.now().minusSeconds(70)),
                "valid from a minute ago: " + notBefore);
        assertEquals("SHA256withRSA", card.signatureAlgorithm());
        assertTrue(signs(card), "the private key belongs to the certificate");
    }

    @Test
    void theCardCaIsACaThatSignsCertificatesAndCrlsOnlyUnderTheCardPolicy() {
        X509Certificate cardCa = pki.cardCaCertificate();
        assertEquals(0, cardCa.getBasicConstraints());
        boolean[] keyUsage = cardCa.getKeyUsage();
        assertTrue(keyUsage[5] && keyUsage[6], "keyCertSign and cRLSign");
        assertFalse(keyUsage[0], "no digitalSignature");
        assertEquals(TestPki.ROOT_NAME, cardCa.getIssuerX500Principal());
        assertNotNull(cardCa.getExtensionValue("2.5.29.32"), "asserts the card policy, or no card would keep it");
    }

    @Test
    void anEcCardAndACardForAKeyMadeElsewhere() throws Exception {
        Card ec = pki.issueCard("CAROL02", KeyAlgorithm.EC_P256, Duration.ofDays(1));
        validate(ec);
        assertEquals("SHA256withECDSA", ec.signatureAlgorithm());
        assertTrue(signs(ec));

        var tokenKeys = KeyAlgorithm.EC_P256.generate();
        Card onToken = pki.issueCard("BRIAN01", tokenKeys.getPublic());
        validate(onToken);
        assertNull(onToken.privateKey());
        assertEquals(tokenKeys.getPublic(), onToken.certificate().getPublicKey());
    }

    @Test
    void expiredAndUntrustedCardsFailValidation() {
        CertPathValidatorException expired = assertThrows(CertPathValidatorException.class,
                () -> validate(pki.expiredCard("ALICE01")));
        assertEquals(CertPathValidatorException.BasicReason.EXPIRED, expired.getReason());

        CertPathValidatorException untrusted = assertThrows(CertPathValidatorException.class,
                () -> validate(pki.untrustedCard("ALICE01")));
        assertEquals(PKIXReason.NO_TRUST_ANCHOR, untrusted.getReason());
    }

    @Test
    void theBadProfilesAreTrustedButLackWhatALoginNeeds() throws Exception {
        Card noSigning = pki.cardWithoutDigitalSignature("ALICE01");
        validate(noSigning);
        assertFalse(noSigning.certificate().getKeyUsage()[0]);

        Card noPolicy = pki.cardWithoutPolicy("ALICE01");
        validate(noPolicy);
        // What a validator that requires the card policy sees:
        validate(pki, pki.issueCard("ALICE01", KeyAlgorithm.RSA_2048, Duration.ofDays(1)), List.of(), true);
        assertThrows(CertPathValidatorException.class, () -> validate(pki, noPolicy, List.of(), true));
    }

    @Test
    void aRevokedCardIsOnTheCardCasSignedCrlAndFailsValidationWithRevocationOn() throws Exception {
        TestPki own = TestPki.generate();
        Card revoked = own.issueCard("BRIAN01", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Card good = own.issueCard("ALICE01", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        own.revoke(revoked.certificate());
        Instant now = Instant.now();

        X509CRL crl = own.crl(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        crl.verify(own.cardCaCertificate().getPublicKey());
        assertEquals(own.cardCaCertificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertNotNull(crl.getRevokedCertificate(revoked.certificate()));
        assertNull(crl.getRevokedCertificate(good.certificate()));
        assertEquals(1, crl.getRevokedCertificates().size());
        X509CRL rootCrl = own.rootCrl(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        rootCrl.verify(own.rootCertificate().getPublicKey());
        assertNull(rootCrl.getRevokedCertificates());

        List<X509CRL> crls = List.of(crl, rootCrl);
        validate(own, good, crls, false);
        CertPathValidatorException refused = assertThrows(CertPathValidatorException.class,
                () -> validate(own, revoked, crls, false));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, refused.getReason());
        assertThrows(IllegalArgumentException.class, () -> own.revoke(own.untrustedCard("X").certificate()),
                "the card CA cannot revoke another CA's card");
    }

    @Test
    void writesTheFilesAServerIsConfiguredWith(@TempDir Path directory) throws Exception {
        TestPki own = TestPki.generate();
        Card card = own.issueCard("DAISY01", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        own.revoke(card.certificate());

        PkiFiles files = own.write(directory, "store-secret");
        card.write(files.cards());

        assertEquals(List.of(own.rootCertificate()), Pem.readCertificates(files.trustAnchors()));
        assertEquals(List.of(own.cardCaCertificate()), Pem.readCertificates(files.cardCa()));
        List<X509CRL> crls = Pem.readCrls(files.crl());
        assertEquals(List.of(own.cardCaCertificate().getSubjectX500Principal(), own.rootCertificate().getSubjectX500Principal()),
                crls.stream().map(X509CRL::getIssuerX500Principal).toList());
        assertNotNull(crls.get(0).getRevokedCertificate(card.certificate()));
        assertTrue(crls.get(0).getNextUpdate().toInstant().isAfter(Instant.now().plus(Duration.ofDays(6))));

        KeyStore server = load(files.serverKeyStore(), "store-secret");
        X509Certificate serverCertificate = (X509Certificate) server.getCertificate("server");
        assertNotNull(server.getKey("server", "store-secret".toCharArray()));
        assertEquals(2, server.getCertificateChain("server").length);
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")),
                new ArrayList<>(serverCertificate.getSubjectAlternativeNames()));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), serverCertificate.getExtendedKeyUsage());
        serverCertificate.verify(own.rootCertificate().getPublicKey());

        KeyStore clientTrust = load(files.clientTrustStore(), "store-secret");
        assertEquals(Set.of(own.rootCertificate(), own.cardCaCertificate()),
                Set.of(clientTrust.getCertificate("root"), clientTrust.getCertificate("card-ca")));

        String keyPem = Files.readString(files.keyOf("DAISY01"));
        assertTrue(keyPem.startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8");
        Card read = Card.read(files.cards(), "DAISY01");
        assertEquals(card.chain(), read.chain());
        assertArrayEquals(card.privateKey().getEncoded(), read.privateKey().getEncoded());
        assertEquals(card.signatureAlgorithm(), read.signatureAlgorithm());
    }

    @Test
    void aSavedPkiSignsFreshCrlsForTheCardsItIssuedBeforeARestart(@TempDir Path directory) throws Exception {
        TestPki original = TestPki.generate();
        Card issuedBefore = original.issueCard("ALICE01", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Path kept = directory.resolve("ca.p12");
        original.save(kept, "kept");
        Instant now = Instant.now();
        X509CRL before = original.crl(now, now.plusSeconds(600));

        TestPki loaded = TestPki.load(kept, "kept");

        assertEquals(original.rootCertificate(), loaded.rootCertificate());
        assertEquals(original.cardCaCertificate(), loaded.cardCaCertificate());
        assertEquals(original.serverCertificate(), loaded.serverCertificate());
        X509CRL after = loaded.crl(now, now.plusSeconds(600));
        after.verify(original.cardCaCertificate().getPublicKey());
        assertTrue(crlNumber(after).compareTo(crlNumber(before)) > 0, "CRL numbers keep increasing");
        validate(loaded, issuedBefore, List.of(after, loaded.rootCrl(now, now.plusSeconds(600))), false);
        validate(original, loaded.issueCard("BRIAN01", KeyAlgorithm.EC_P256, Duration.ofDays(1)), List.of(), false);
    }

    private static void validate(Card card) throws Exception {
        validate(pki, card, List.of(), false);
    }

    /**
     * The JDK's PKIX validation of the card's chain against the root as the only trust anchor; revocation is
     * checked when CRLs are given, and the card policy is required when asked.
     */
    private static void validate(TestPki against, Card card, List<X509CRL> crls, boolean requirePolicy) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(against.rootCertificate(), null)));
        parameters.setRevocationEnabled(!crls.isEmpty());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        if (requirePolicy) {
            parameters.setInitialPolicies(Set.of(TestPki.CARD_POLICY_OID));
            parameters.setExplicitPolicyRequired(true);
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(card.chain()), parameters);
    }

    private static boolean signs(Card card) throws Exception {
        byte[] message = "challenge".getBytes();
        Signature signer = Signature.getInstance(card.signatureAlgorithm());
        PrivateKey key = card.privateKey();
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(card.signatureAlgorithm());
        verifier.initVerify(card.certificate());
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static BigInteger crlNumber(X509CRL crl) throws Exception {
        return CRLNumber.getInstance(JcaX509ExtensionUtils.parseExtensionValue(crl.getExtensionValue("2.5.29.20"))).getCRLNumber();
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
