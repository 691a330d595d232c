package hk.ccms.access.infra.smartcard;

import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.infra.pki.KeyAlgorithm;
import hk.ccms.access.infra.pki.PkiFiles;
import hk.ccms.access.infra.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The person's side of a smartcard login speaks auth-service's contract over real HTTP and TLS connections. */
class SmartcardClientTest {

    private static final String PASSWORD = FakeAuthService.PASSWORD;
    private static final String FUNCTION = "ONLINE_FUNCTIONS";

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static PkiFiles files;
    private static Card rsaCard;
    private static Card ecCard;
    private static FakeAuthService http;
    private static FakeAuthService https;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.generate();
        files = pki.write(directory, "store-secret");
        rsaCard = pki.issueCard("ALICE01", KeyAlgorithm.RSA_2048, Duration.ofDays(1));
        ecCard = pki.issueCard("CAROL02", KeyAlgorithm.EC_P256, Duration.ofDays(1));
        http = FakeAuthService.http();
        https = FakeAuthService.https(files);
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    @Test
    void theSignedMessageIsThePrefixTheChallengeIdAndTheChallengeOnTheirOwnLines() {
        assertArrayEquals("CCMS-SMARTCARD-LOGIN\n7f3c-id\nq83vEjRWeJA_-w".getBytes(StandardCharsets.UTF_8),
                SmartcardClient.signedMessage("7f3c-id", "q83vEjRWeJA_-w"));
        assertArrayEquals(new byte[] {'C', 'C', 'M', 'S', '-', 'S', 'M', 'A', 'R', 'T', 'C', 'A', 'R', 'D', '-', 'L', 'O', 'G',
                'I', 'N', '\n', 'a', '\n', 'b'}, SmartcardClient.signedMessage("a", "b"));
    }

    @Test
    void aChallengeSignedWithEachAlgorithmLogsIn() {
        SmartcardClient client = new SmartcardClient(http.url());

        assertEquals("sc-ALICE01-RS256", client.loginForToken("ALICE01", PASSWORD, FUNCTION, CardSigner.of(rsaCard)));
        assertEquals("sc-ALICE01-PS256", client.loginForToken("ALICE01", PASSWORD, FUNCTION, CardSigner.of(rsaCard, SignatureAlgorithm.PS256)));
        assertEquals("sc-CAROL02-ES256", client.loginForToken("CAROL02", PASSWORD, FUNCTION, CardSigner.of(ecCard)));
        assertThrows(IllegalArgumentException.class, () -> CardSigner.of(ecCard, SignatureAlgorithm.RS256));
    }

    @Test
    void theRequestCarriesTheChainLeafFirstAndSignaturesInStandardBase64() throws Exception {
        SmartcardClient.Challenge challenge = new SmartcardClient(http.url()).challenge();

        SmartcardClient.LoginRequest request = SmartcardClient.LoginRequest.signed(challenge, "ALICE01", PASSWORD, FUNCTION,
                CardSigner.of(rsaCard));

        assertEquals(challenge.challengeId(), request.challengeId());
        assertEquals(List.of(Base64.getEncoder().encodeToString(rsaCard.certificate().getEncoded()),
                Base64.getEncoder().encodeToString(pki.cardCaCertificate().getEncoded())), request.certificateChain());
        assertEquals("RS256", request.signatureAlgorithm());
        assertTrue(SignatureAlgorithm.RS256.verify(rsaCard.certificate().getPublicKey(),
                SmartcardClient.signedMessage(challenge.challengeId(), challenge.challenge()),
                Base64.getDecoder().decode(request.signature())));
        assertEquals(43, challenge.challenge().length(), "32 bytes, base64url without padding");
    }

    @Test
    void refusalsComeBackAsTheyAreOrAsAnExceptionCarryingTheProblem() {
        SmartcardClient client = new SmartcardClient(http.url());
        SmartcardClient.LoginRequest request = SmartcardClient.LoginRequest.signed(client.challenge(), "ALICE01", PASSWORD,
                FUNCTION, CardSigner.of(rsaCard));
        assertEquals(200, client.login(request).statusCode());

        HttpResponse<String> replayed = client.login(request);
        assertEquals(401, replayed.statusCode());
        assertTrue(replayed.body().contains("smartcard-login-failed"), replayed.body());

        SmartcardClient.LoginRefusedException refused = assertThrows(SmartcardClient.LoginRefusedException.class,
                () -> client.loginForToken("ALICE01", "wrong", FUNCTION, CardSigner.of(rsaCard)));
        assertEquals(401, refused.status());
    }

    @Test
    void theMtlsLoginPresentsTheCardAsTheTlsClientCertificate() {
        for (Card card : List.of(rsaCard, ecCard)) {
            SmartcardClient client = new SmartcardClient(https.url(), CardTls.httpClient(card, pki.rootCertificate()));
            assertEquals("mtls-CN=" + card.userId() + ",O=CCMS Test Participant,C=HK",
                    SmartcardClient.accessToken(client.loginMtls(card.userId(), PASSWORD, FUNCTION)));
        }
    }

    @Test
    void aCardTheServerDoesNotTrustEndsTheHandshake() {
        Card untrusted = pki.untrustedCard("ALICE01");
        SmartcardClient client = new SmartcardClient(https.url(), CardTls.httpClient(untrusted, pki.rootCertificate()));

        assertThrows(UncheckedIOException.class, () -> client.loginMtls("ALICE01", PASSWORD, FUNCTION));
    }

    @Test
    void aCardOnAPkcs11TokenLogsInBothWays() {
        assumeTrue(SoftHsmToken.available(), "SoftHSM2 is not installed: apt-get install -y softhsm2");
        try (SoftHsmToken token = SoftHsmToken.create(directory.resolve("token"), "ccms-client-test", "1234")) {
            for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
                String alias = "DAISY01-" + algorithm;
                Card card = pki.issueCard("DAISY01", token.generateCardKey(alias, algorithm));
                token.storeCertificate(alias, card.chainArray());

                SmartcardClient plain = new SmartcardClient(http.url());
                assertTrue(plain.loginForToken("DAISY01", PASSWORD, FUNCTION, token.signer(alias)).startsWith("sc-DAISY01-"));
                // TLS 1.3 makes an RSA card sign RSASSA-PSS on the token
                SmartcardClient mtls = new SmartcardClient(https.url(), CardTls.httpClient(token, alias, pki.rootCertificate()));
                assertEquals("mtls-CN=DAISY01,O=CCMS Test Participant,C=HK",
                        SmartcardClient.accessToken(mtls.loginMtls("DAISY01", PASSWORD, FUNCTION)));
            }
        }
    }
}
