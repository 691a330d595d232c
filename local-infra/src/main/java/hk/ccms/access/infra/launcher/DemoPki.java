package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.pki.KeyAlgorithm;
import hk.ccms.access.infra.pki.PkiFiles;
import hk.ccms.access.infra.pki.TestPki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local run's smartcard PKI in {@code <data>/pki}: made once with a card for each demo account that logs in
 * with a smartcard, and kept, because auth-service registers those cards to the accounts it keeps in its database.
 * The CA keys are kept too ({@code ca.p12}) so that every start signs a fresh CRL: auth-service refuses cards when
 * the CRL it has is past its next update.
 */
final class DemoPki {

    /** The demo accounts' cards; CAROL02 has an EC card so that both kinds are at hand. */
    static final Map<String, KeyAlgorithm> CARDS = Map.of("ALICE01", KeyAlgorithm.RSA_2048, "BRIAN01", KeyAlgorithm.RSA_2048,
            "CAROL02", KeyAlgorithm.EC_P256, "DAISY01", KeyAlgorithm.RSA_2048, "DAVID01", KeyAlgorithm.RSA_2048,
            "HENRY01", KeyAlgorithm.RSA_2048);
    private static final Duration CARD_VALIDITY = Duration.ofDays(825);
    private static final String KEPT_CA = "ca.p12";
    private static final String PASSWORD_SECRET = "pki-password";

    private DemoPki() {
    }

    /** The PKI in {@code <data>/pki}, the password of its key stores kept with {@code data}'s local secrets. */
    static PkiFiles prepareIn(Path data) {
        return prepare(data.resolve("pki"), LocalSecrets.in(data, List.of(PASSWORD_SECRET)).get(PASSWORD_SECRET));
    }

    /** The PKI in {@code directory}: the one kept there with a fresh CRL, or a new one. */
    static PkiFiles prepare(Path directory, String password) {
        Path keptCa = directory.resolve(KEPT_CA);
        if (Files.exists(keptCa)) {
            PkiFiles files = PkiFiles.in(directory, password);
            TestPki.load(keptCa, password).writeCrl(files.crl());
            return files;
        }
        TestPki pki = TestPki.generate();
        PkiFiles files = pki.write(directory, password);
        CARDS.forEach((userId, algorithm) -> pki.issueCard(userId, algorithm, CARD_VALIDITY).write(files.cards()));
        // Last: a directory without it is an interrupted first start, made again from scratch next time.
        pki.save(keptCa, password);
        return files;
    }

    /**
     * auth-service's smartcard settings for this PKI, the demo cards to register, and HTTPS on
     * {@code httpsPort} with the PKI's server certificate, asking browsers for a card (mTLS login).
     */
    static Map<String, String> authEnvironment(PkiFiles files, int httpsPort) {
        return Map.of(
                "CCMS_AUTH_SMARTCARD_TRUST_ANCHORS", files.trustAnchors().toString(),
                "CCMS_AUTH_SMARTCARD_INTERMEDIATES", files.cardCa().toString(),
                "CCMS_AUTH_SMARTCARD_CRL_SOURCES", files.crl().toString(),
                "CCMS_AUTH_SMARTCARD_REQUIRED_POLICY", TestPki.CARD_POLICY_OID,
                "CCMS_AUTH_DEMO_CARDS_DIR", files.cards().toString(),
                "CCMS_AUTH_HTTPS_PORT", Integer.toString(httpsPort),
                "CCMS_AUTH_TLS_KEY_STORE", files.serverKeyStore().toString(),
                "CCMS_AUTH_TLS_KEY_STORE_PASSWORD", files.storePassword(),
                "CCMS_AUTH_TLS_CLIENT_TRUST_STORE", files.clientTrustStore().toString(),
                "CCMS_AUTH_TLS_CLIENT_TRUST_STORE_PASSWORD", files.storePassword());
    }
}
