package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.infra.pki.Pem;
import hk.ccms.access.infra.pki.PkiFiles;
import hk.ccms.access.infra.pki.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run's demo cards are made once, stay valid across restarts and come with a fresh CRL each start. */
class DemoPkiTest {

    @Test
    void demoCardsAreMadeOnceAndTheCrlIsSignedAgainAtEveryStart(@TempDir Path data) throws Exception {
        Path directory = data.resolve("pki");
        PkiFiles first = DemoPki.prepare(directory, "local-secret");
        String trustAnchors = Files.readString(first.trustAnchors());
        String aliceChain = Files.readString(first.chainOf("ALICE01"));
        X509CRL firstCrl = Pem.readCrls(first.crl()).get(0);
        Thread.sleep(1100); // CRL times have one-second resolution

        PkiFiles second = DemoPki.prepare(directory, "local-secret");

        assertEquals(first, second);
        assertEquals(trustAnchors, Files.readString(second.trustAnchors()));
        assertEquals(aliceChain, Files.readString(second.chainOf("ALICE01")));
        X509CRL secondCrl = Pem.readCrls(second.crl()).get(0);
        assertNotEquals(firstCrl, secondCrl);
        assertTrue(secondCrl.getThisUpdate().after(firstCrl.getThisUpdate()));

        X509Certificate root = Pem.readCertificates(second.trustAnchors()).get(0);
        for (String userId : DemoPki.CARDS.keySet()) {
            Card card = Card.read(second.cards(), userId);
            assertEquals(DemoPki.CARDS.get(userId).signatureAlgorithm(), card.signatureAlgorithm());
            validateWithRevocation(card, root, Pem.readCrls(second.crl()));
        }
        assertEquals(Set.of("ALICE01", "BRIAN01", "CAROL02", "DAISY01", "DAVID01", "HENRY01"), DemoPki.CARDS.keySet());
    }

    @Test
    void authServiceIsToldWhereTheTrustAnchorsCardCaCrlsPolicyAndDemoCardsAre(@TempDir Path data) {
        PkiFiles files = DemoPki.prepare(data.resolve("pki"), "local-secret");

        Map<String, String> environment = DemoPki.authEnvironment(files, 8443);

        assertEquals(Map.of(
                "CCMS_AUTH_SMARTCARD_TRUST_ANCHORS", data.resolve("pki/trust-anchors.pem").toString(),
                "CCMS_AUTH_SMARTCARD_INTERMEDIATES", data.resolve("pki/card-ca.pem").toString(),
                "CCMS_AUTH_SMARTCARD_CRL_SOURCES", data.resolve("pki/crl.pem").toString(),
                "CCMS_AUTH_SMARTCARD_REQUIRED_POLICY", TestPki.CARD_POLICY_OID,
                "CCMS_AUTH_DEMO_CARDS_DIR", data.resolve("pki/cards").toString(),
                "CCMS_AUTH_HTTPS_PORT", "8443",
                "CCMS_AUTH_TLS_KEY_STORE", files.serverKeyStore().toString(),
                "CCMS_AUTH_TLS_KEY_STORE_PASSWORD", "local-secret",
                "CCMS_AUTH_TLS_CLIENT_TRUST_STORE", files.clientTrustStore().toString(),
                "CCMS_AUTH_TLS_CLIENT_TRUST_STORE_PASSWORD", "local-secret"), environment);
        assertTrue(Files.isRegularFile(data.resolve("pki/cards/CAROL02.key.pem")));
        assertEquals(DemoPki.CARDS.keySet().stream().map(user -> user + ".pem").collect(Collectors.toSet()),
                fileNames(data.resolve("pki/cards"), ".pem", ".key.pem"));
    }

    private static Set<String> fileNames(Path directory, String suffix, String except) {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(suffix) && !name.endsWith(except))
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void validateWithRevocation(Card card, X509Certificate root, List<X509CRL> crls) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(card.chain()), parameters);
    }
}
