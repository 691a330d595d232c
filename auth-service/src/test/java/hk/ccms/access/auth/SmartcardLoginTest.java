package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.smartcard.CardRegistry;
import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.infra.pki.KeyAlgorithm;
import hk.ccms.access.infra.pki.Pem;
import hk.ccms.access.infra.pki.TestPki;
import hk.ccms.access.infra.smartcard.CardSigner;
import hk.ccms.access.infra.smartcard.CardTls;
import hk.ccms.access.infra.smartcard.SignatureAlgorithm;
import hk.ccms.access.infra.smartcard.SmartcardClient;
import hk.ccms.access.infra.smartcard.SoftHsmToken;
import hk.ccms.access.infra.testing.PkiTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Smartcard + password login against a test PKI (root and card CA, CRL) and a real software
 * smartcard (SoftHSM2 through SunPKCS11): every refusal gives the same answer, and the audit trail
 * says which factor failed.
 */
@QuarkusTest
class SmartcardLoginTest {

    private static final String FUNCTION = "ONLINE_FUNCTIONS";

    @Inject
    TestAccounts accounts;

    @Inject
    CardRegistry registry;

    @TestHTTPResource("/")
    URL http;

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    private static TestPki pki() {
        return PkiTestResource.pki();
    }

    private SmartcardClient client() {
        return new SmartcardClient(http.toString());
    }

    /** An enrolled user with a registered card. */
    private Account userWithCard(Card card) {
        Account account = accounts.enrolledUser("CP0001");
        register(account, card);
        return account;
    }

    private void register(Account account, Card card) {
        registry.register("test", account.userId, pem(card), false);
    }

    private static String reason(TestAccounts accounts, Account account) {
        List<AuditEvent> events = accounts.audit(account.userId, AuditAction.LOGIN_SMARTCARD);
        return events.get(events.size() - 1).detail;
    }

    @Test
    void aValidRegisteredCardAndTheRightPasswordSignInWithEachAlgorithm() throws Exception {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            Card card = pki().issueCard("SC-" + algorithm, algorithm, Duration.ofDays(30));
            Account account = userWithCard(card);
            List<SignatureAlgorithm> algorithms = algorithm == KeyAlgorithm.EC_P256
                    ? List.of(SignatureAlgorithm.ES256) : List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256);
            for (SignatureAlgorithm signature : algorithms) {
                String token = client().loginForToken(account.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(card, signature));
                JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipDefaultAudienceValidation()
                        .build().processToClaims(token);
                assertThat(claims.getStringListClaimValue("amr")).containsExactly("pwd", "sc");
                given().header("Authorization", "Bearer " + token).get("/api/v1/ccms/session").then().statusCode(200)
                        .body("userId", equalTo(account.userId));
            }
            assertThat(reason(accounts, account)).isEqualTo("signed in to ONLINE_FUNCTIONS with pwd+sc");
        }
    }

    @Test
    void aKeyThatNeverLeavesASoftHsmTokenSignsTheChallenge(@TempDir Path tokenDirectory) {
        Assumptions.assumeTrue(SoftHsmToken.available(), "SoftHSM2 is not installed (Debian softhsm2; .ci/run installs it)");
        try (SoftHsmToken token = SoftHsmToken.create(tokenDirectory, "ccms-card", "123456")) {
            Account account = accounts.enrolledUser("CP0001");
            Card card = pki().issueCard(account.userId, token.generateCardKey("card", KeyAlgorithm.RSA_2048));
            token.storeCertificate("card", card.chainArray());
            register(account, card);

            String accessToken = client().loginForToken(account.userId, TestAccounts.PASSWORD, FUNCTION, token.signer("card"));
            given().header("Authorization", "Bearer " + accessToken).get("/api/v1/ccms/session").then().statusCode(200);
        }
    }

    @Test
    void everyFailedFactorGetsTheSameAnswerAndTheAuditTrailSaysWhich() {
        Card good = pki().issueCard("SC-GOOD", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Map<String, String> expectedReasons = new HashMap<>();
        List<String> bodies = new ArrayList<>();

        Account wrongPassword = userWithCard(good);
        bodies.add(refused(client().login(wrongPassword.userId, "Not-The-Password-1", FUNCTION, CardSigner.of(good))));
        expectedReasons.put(wrongPassword.userId, "wrong password");

        Account someoneElse = userWithCard(pki().issueCard("SC-OTHER", KeyAlgorithm.RSA_2048, Duration.ofDays(30)));
        bodies.add(refused(client().login(someoneElse.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(good))));
        expectedReasons.put(someoneElse.userId, "card not registered to this account");

        Map<String, Card> invalidCards = Map.of(
                "card certificate expired or not yet valid", pki().expiredCard("SC-EXPIRED"),
                "certificate chain not trusted", pki().untrustedCard("SC-UNTRUSTED"),
                "card certificate lacks digitalSignature key usage", pki().cardWithoutDigitalSignature("SC-NOKU"),
                "card certificate lacks the required policy", pki().cardWithoutPolicy("SC-NOPOLICY"));
        invalidCards.forEach((expected, card) -> {
            Account account = accounts.enrolledUser("CP0001");
            bodies.add(refused(client().login(account.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(card))));
            expectedReasons.put(account.userId, expected);
        });

        Card signer = pki().issueCard("SC-SIGNER", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Account badSignature = userWithCard(signer);
        SmartcardClient.LoginRequest signedForAnother = SmartcardClient.LoginRequest.signed(client().challenge(), badSignature.userId,
                TestAccounts.PASSWORD, FUNCTION, CardSigner.of(signer));
        SmartcardClient.Challenge fresh = client().challenge();
        bodies.add(refused(client().login(new SmartcardClient.LoginRequest(fresh.challengeId(), badSignature.userId, TestAccounts.PASSWORD,
                FUNCTION, signedForAnother.certificateChain(), signedForAnother.signatureAlgorithm(), signedForAnother.signature()))));
        expectedReasons.put(badSignature.userId, "challenge signature does not verify");

        bodies.add(refused(client().login("NOSUCHUSER42", TestAccounts.PASSWORD, FUNCTION, CardSigner.of(good))));

        assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
        expectedReasons.forEach((userId, expected) -> assertThat(reason(accounts, accounts.reload(userId)))
                .as(userId).isEqualTo(expected));
    }

    @Test
    void aRevokedCardIsRefusedOnceTheCrlListsItAndAStaleCrlFailsClosed() {
        Card card = pki().issueCard("SC-REVOKE", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Account account = userWithCard(card);
        client().loginForToken(account.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(card));

        pki().revoke(card.certificate());
        PkiTestResource.rewriteCrl();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            refused(client().login(account.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(card)));
            assertThat(reason(accounts, account)).isEqualTo("card certificate revoked");
        });

        Card stillGood = pki().issueCard("SC-STALE", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Account other = userWithCard(stillGood);
        Instant now = Instant.now();
        PkiTestResource.rewriteCrl(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)));
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                refused(client().login(other.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(stillGood)));
                assertThat(reason(accounts, other)).isEqualTo("CRL past its next update");
            });
        } finally {
            PkiTestResource.rewriteCrl();
        }
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                client().loginForToken(other.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(stillGood)));
    }

    @Test
    void aCardSentWithoutItsCaIsCompletedFromTheConfiguredIntermediates() throws Exception {
        Card card = pki().issueCard("SC-ALONE", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Account account = userWithCard(card);
        SmartcardClient.LoginRequest signed = SmartcardClient.LoginRequest.signed(client().challenge(), account.userId,
                TestAccounts.PASSWORD, FUNCTION, CardSigner.of(card, SignatureAlgorithm.ES256));
        assertThat(signed.certificateChain()).as("card and card CA").hasSize(2);
        SmartcardClient.LoginRequest cardOnly = new SmartcardClient.LoginRequest(signed.challengeId(), signed.userId(), signed.password(),
                signed.function(), signed.certificateChain().subList(0, 1), signed.signatureAlgorithm(), signed.signature());

        HttpResponse<String> answer = client().login(cardOnly);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(reason(accounts, account)).isEqualTo("signed in to ONLINE_FUNCTIONS with pwd+sc");
    }

    @Test
    void aChallengeSignsInOnceOnly() {
        Card card = pki().issueCard("SC-REPLAY", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Account account = userWithCard(card);
        SmartcardClient.LoginRequest request = SmartcardClient.LoginRequest.signed(client().challenge(), account.userId,
                TestAccounts.PASSWORD, FUNCTION, CardSigner.of(card));
        assertThat(client().login(request).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = client().login(request);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("urn:ccms:problem:challenge-invalid");
    }

    @Test
    void theCardCanBePresentedAsTheTlsClientCertificate() throws Exception {
        Card card = pki().issueCard("SC-MTLS", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Account account = userWithCard(card);
        SmartcardClient withCard = new SmartcardClient(https.toString(), CardTls.httpClient(card, pki().rootCertificate()));
        String token = SmartcardClient.accessToken(withCard.loginMtls(account.userId, TestAccounts.PASSWORD, FUNCTION));
        given().header("Authorization", "Bearer " + token).get("/api/v1/ccms/session").then().statusCode(200);
        assertThat(reason(accounts, account)).isEqualTo("signed in to ONLINE_FUNCTIONS with pwd+sc (TLS client certificate)");

        Card notHis = pki().issueCard("SC-MTLS-OTHER", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        SmartcardClient wrongCard = new SmartcardClient(https.toString(), CardTls.httpClient(notHis, pki().rootCertificate()));
        refused(wrongCard.loginMtls(account.userId, TestAccounts.PASSWORD, FUNCTION));
        assertThat(reason(accounts, account)).isEqualTo("card not registered to this account");

        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(CardTls.trustStore(pki().rootCertificate()));
        SSLContext serverOnly = SSLContext.getInstance("TLS");
        serverOnly.init(null, trust.getTrustManagers(), null);
        HttpClient noCard = HttpClient.newBuilder().sslContext(serverOnly).build();
        HttpResponse<String> withoutCard = new SmartcardClient(https.toString(), noCard).loginMtls(account.userId, TestAccounts.PASSWORD, FUNCTION);
        assertThat(withoutCard.body()).contains("urn:ccms:problem:client-certificate-required");
        HttpResponse<String> overPlainHttp = client().loginMtls(account.userId, TestAccounts.PASSWORD, FUNCTION);
        assertThat(overPlainHttp.statusCode()).isEqualTo(401);
        assertThat(overPlainHttp.body()).contains("urn:ccms:problem:client-certificate-required");
    }

    @Test
    void operatorsRegisterReplaceAndRevokeCardsAndOnlyValidOnes() throws Exception {
        Account account = accounts.enrolledUser("CP0001");
        String operator = accounts.login(accounts.operator(), PortalFunction.OPERATIONS_CONSOLE).token();
        String path = "/api/v1/operations/accounts/" + account.userId + "/card-certificates";
        Card first = pki().issueCard("SC-OPS-1", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Card second = pki().issueCard("SC-OPS-2", KeyAlgorithm.EC_P256, Duration.ofDays(30));

        assertProblem(given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON)
                .body(Map.of("certificate", pem(pki().untrustedCard("SC-OPS-X")))).post(path).then(), 422, "card-not-valid");
        given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON)
                .body(Map.of("certificate", pem(first))).post(path).then().statusCode(201).body("status", equalTo("ACTIVE"));
        assertProblem(given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON)
                .body(Map.of("certificate", pem(second))).post(path).then(), 409, "card-already-registered");
        given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON)
                .body(Map.of("certificate", pem(second), "replace", true)).post(path).then().statusCode(201);
        refused(client().login(account.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(first)));
        client().loginForToken(account.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(second));

        long active = given().header("Authorization", "Bearer " + operator).get(path).then().statusCode(200)
                .body("$", hasSize(2)).extract().jsonPath().getLong("find { it.status == 'ACTIVE' }.id");
        given().header("Authorization", "Bearer " + operator).delete(path + "/" + active).then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        refused(client().login(account.userId, TestAccounts.PASSWORD, FUNCTION, CardSigner.of(second)));

        Card third = pki().issueCard("SC-OPS-3", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON)
                .body(Map.of("certificate", pem(third))).post(path).then().statusCode(201);
        Account other = accounts.enrolledUser("CP0001");
        assertProblem(given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON)
                .body(Map.of("certificate", pem(third))).post("/api/v1/operations/accounts/" + other.userId + "/card-certificates")
                .then(), 409, "card-already-registered");
        assertThat(accounts.audit(account.userId, AuditAction.CARD_REGISTERED)).extracting(event -> event.result)
                .containsExactly(AuditEvent.Result.FAILURE, AuditEvent.Result.SUCCESS, AuditEvent.Result.SUCCESS, AuditEvent.Result.SUCCESS);
        assertThat(accounts.audit(account.userId, AuditAction.CARD_REVOKED)).hasSize(1);
        String daToken = accounts.login(accounts.delegatedAdministrator("CP0001"), PortalFunction.SECURITY_MANAGEMENT).token();
        assertProblem(given().header("Authorization", "Bearer " + daToken).get(path).then(), 401, "unauthenticated");
    }

    @Test
    void badSmartcardInputIsAClearProblem() {
        Map<String, Object> valid = new HashMap<>(Map.of("challengeId", "A".repeat(32), "userId", "ALICE01", "password", "some-password",
                "function", FUNCTION, "certificateChain", List.of("AAAA"), "signatureAlgorithm", "RS256", "signature", "AAAA"));
        List<Map.Entry<String, Object>> broken = List.of(
                Map.entry("certificateChain", List.of()),
                Map.entry("certificateChain", List.of("not base64!")),
                Map.entry("certificateChain", List.of("AAAA", "AAAA", "AAAA", "AAAA", "AAAA", "AAAA")),
                Map.entry("signature", "%%%"),
                Map.entry("challengeId", "short"),
                Map.entry("userId", "ALICE 01"));
        for (Map.Entry<String, Object> field : broken) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(field.getKey(), field.getValue());
            assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/v1/login/smartcard").then(), 400, "validation-failed");
        }
        Map<String, Object> unknownAlgorithm = new HashMap<>(valid);
        unknownAlgorithm.put("signatureAlgorithm", "none");
        assertProblem(given().contentType(ContentType.JSON).body(unknownAlgorithm).post("/api/v1/login/smartcard").then(), 400, "malformed-request");
        // Well-formed but unreadable DER, with a real challenge: the login simply fails.
        Map<String, Object> garbage = new HashMap<>(valid);
        garbage.put("challengeId", client().challenge().challengeId());
        assertProblem(given().contentType(ContentType.JSON).body(garbage).post("/api/v1/login/smartcard").then(), 401, "login-failed");
    }

    /** The card's chain as PEM, as an operator registers it (the card CA is needed to validate it). */
    private static String pem(Card card) {
        return Pem.encode(card.chain());
    }

    /** A refusal: 401 login-failed; returns the body so that refusals can be compared. */
    private static String refused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).contains("urn:ccms:problem:login-failed");
        return response.body();
    }
}
