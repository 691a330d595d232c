package hk.ccms.access.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.SigningKeys;
import hk.ccms.access.auth.service.TokenIssuer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** RFC 8725 rules for the access tokens, each shown to refuse what it must. */
@QuarkusTest
class AccessTokenTest {

    @Inject
    TestAccounts accounts;

    @Inject
    SigningKeys keys;

    private static io.restassured.response.ValidatableResponse ccmsSession(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/ccms/session").then();
    }

    @Test
    void aValidTokenOpensItsPortalAndVerifiesIndependentlyAgainstTheJwks() throws Exception {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.OVERNIGHT_REPORT_DOWNLOAD);

        ccmsSession(token.token()).statusCode(200)
                .body("userId", equalTo(account.userId))
                .body("participantId", equalTo("CP0001"))
                .body("function", equalTo("OVERNIGHT_REPORT_DOWNLOAD"));

        JWKSet jwks = JWKSet.parse(given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        SignedJWT jwt = SignedJWT.parse(token.token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("ccms");
        assertThat(claims.getIssuer()).isEqualTo("urn:ccms:auth:PDC");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd", "otp");
        assertThat(claims.getStringClaim("function")).isEqualTo("OVERNIGHT_REPORT_DOWNLOAD");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime()).isAfter(new Date());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isLessThanOrEqualTo(15 * 60 * 1000);
    }

    @Test
    void algNoneIsRefused() {
        TokenIssuer.IssuedToken token = accounts.login(accounts.enrolledUser("CP0001"), PortalFunction.ONLINE_FUNCTIONS);
        String[] parts = token.token().split("\\.");
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertProblem(ccmsSession(header + "." + parts[1] + "."), 401, "unauthenticated");
        assertProblem(ccmsSession(header + "." + parts[1] + "." + parts[2]), 401, "unauthenticated");
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefused() throws Exception {
        TokenIssuer.IssuedToken token = accounts.login(accounts.enrolledUser("CP0001"), PortalFunction.ONLINE_FUNCTIONS);
        SignedJWT original = SignedJWT.parse(token.token());
        JWKSet jwks = JWKSet.parse(given().get("/.well-known/jwks.json").then().extract().asString());
        ECKey publicKey = (ECKey) jwks.getKeyByKeyId(original.getHeader().getKeyID());

        for (byte[] secret : List.of(publicKey.toPublicKey().getEncoded(), publicKey.toJSONString().getBytes(StandardCharsets.UTF_8))) {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(original.getHeader().getKeyID()).build(),
                    original.getJWTClaimsSet());
            forged.sign(new MACSigner(secret));
            assertProblem(ccmsSession(forged.serialize()), 401, "unauthenticated");
        }
    }

    @Test
    void anotherAlgorithmWithOurKeyIdIsRefused() throws Exception {
        TokenIssuer.IssuedToken token = accounts.login(accounts.enrolledUser("CP0001"), PortalFunction.ONLINE_FUNCTIONS);
        SignedJWT original = SignedJWT.parse(token.token());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(original.getHeader().getKeyID()).build(),
                original.getJWTClaimsSet());
        forged.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
        assertProblem(ccmsSession(forged.serialize()), 401, "unauthenticated");
    }

    @Test
    void expiredWrongIssuerAndTamperedTokensAreRefusedEvenWithALiveSession() throws Exception {
        TokenIssuer.IssuedToken live = accounts.login(accounts.enrolledUser("CP0001"), PortalFunction.ONLINE_FUNCTIONS);
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(live.token().split("\\.")[1]), StandardCharsets.UTF_8));
        ccmsSession(signWithTheRealKey(claims)).statusCode(200);

        JwtClaims expired = JwtClaims.parse(claims.toJson());
        expired.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 60));
        assertProblem(ccmsSession(signWithTheRealKey(expired)), 401, "unauthenticated");

        JwtClaims wrongIssuer = JwtClaims.parse(claims.toJson());
        wrongIssuer.setIssuer("urn:ccms:auth:SOMEWHERE-ELSE");
        assertProblem(ccmsSession(signWithTheRealKey(wrongIssuer)), 401, "unauthenticated");

        JwtClaims noExpiry = JwtClaims.parse(claims.toJson());
        noExpiry.unsetClaim("exp");
        assertProblem(ccmsSession(signWithTheRealKey(noExpiry)), 401, "unauthenticated");

        String[] parts = live.token().split("\\.");
        String tampered = parts[0] + "." + base64Url(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("ONLINE_FUNCTIONS", "OVERNIGHT_REPORT_DOWNLOAD")) + "." + parts[2];
        assertProblem(ccmsSession(tampered), 401, "unauthenticated");
        assertProblem(ccmsSession("not-a-jwt"), 401, "unauthenticated");
        assertProblem(given().get("/api/v1/ccms/session").then(), 401, "unauthenticated");
    }

    @Test
    void aTokenOnlyOpensItsOwnPortal() {
        Account user = accounts.enrolledUser("CP0001");
        Account da = accounts.delegatedAdministrator("CP0001");
        TokenIssuer.IssuedToken ccms = accounts.login(user, PortalFunction.ONLINE_FUNCTIONS);
        TokenIssuer.IssuedToken dms = accounts.login(da, PortalFunction.SECURITY_MANAGEMENT);

        given().header("Authorization", "Bearer " + dms.token()).get("/api/v1/dms/session").then().statusCode(200)
                .body("function", equalTo("SECURITY_MANAGEMENT"));
        assertProblem(ccmsSession(dms.token()), 401, "unauthenticated");
        assertProblem(given().header("Authorization", "Bearer " + ccms.token()).get("/api/v1/dms/session").then(), 401, "unauthenticated");
        assertProblem(given().header("Authorization", "Bearer " + ccms.token())
                .post("/api/v1/operations/accounts/" + user.userId + "/disable").then(), 401, "unauthenticated");
    }

    @Test
    void anOperatorsSessionIsLiveUntilLogoutForOtherServicesToCheck() {
        Account operator = accounts.operator();
        TokenIssuer.IssuedToken token = accounts.login(operator, PortalFunction.OPERATIONS_CONSOLE);
        given().header("Authorization", "Bearer " + token.token()).get("/api/v1/operations/session").then().statusCode(200)
                .body("userId", equalTo(operator.userId));
        TokenIssuer.IssuedToken userToken = accounts.login(accounts.enrolledUser("CP0001"), PortalFunction.ONLINE_FUNCTIONS);
        assertProblem(given().header("Authorization", "Bearer " + userToken.token()).get("/api/v1/operations/session").then(),
                401, "unauthenticated");
        given().header("Authorization", "Bearer " + token.token()).post("/api/v1/session/logout").then().statusCode(204);
        assertProblem(given().header("Authorization", "Bearer " + token.token()).get("/api/v1/operations/session").then(),
                401, "unauthenticated");
    }

    @Test
    void logoutRevokesTheTokenAtOnce() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        TokenIssuer.IssuedToken otherSession = accounts.login(account, PortalFunction.OVERNIGHT_REPORT_DOWNLOAD);

        given().header("Authorization", "Bearer " + token.token()).post("/api/v1/session/logout").then().statusCode(204);

        assertProblem(ccmsSession(token.token()), 401, "unauthenticated");
        ccmsSession(otherSession.token()).statusCode(200);
        assertThat(accounts.audit(account.userId, AuditAction.LOGOUT)).hasSize(1);
    }

    @Test
    void disablingAnAccountRevokesEverySessionAtOnce() {
        Account account = accounts.enrolledUser("CP0003");
        TokenIssuer.IssuedToken first = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        TokenIssuer.IssuedToken second = accounts.login(account, PortalFunction.OVERNIGHT_REPORT_DOWNLOAD);
        TokenIssuer.IssuedToken operator = accounts.login(accounts.operator(), PortalFunction.OPERATIONS_CONSOLE);

        given().header("Authorization", "Bearer " + operator.token())
                .post("/api/v1/operations/accounts/" + account.userId.toLowerCase() + "/disable").then().statusCode(204);

        assertProblem(ccmsSession(first.token()), 401, "unauthenticated");
        assertProblem(ccmsSession(second.token()), 401, "unauthenticated");
        assertThat(accounts.audit(account.userId, AuditAction.ACCOUNT_DISABLED)).singleElement()
                .satisfies(event -> assertThat(event.detail).isEqualTo("2 session(s) revoked"));
        assertProblem(given().contentType("application/json")
                .body(Map.of("userId", account.userId, "password", TestAccounts.PASSWORD, "function", "ONLINE_FUNCTIONS"))
                .post("/api/v1/login/password").then(), 401, "login-failed");

        given().header("Authorization", "Bearer " + operator.token())
                .post("/api/v1/operations/accounts/" + account.userId + "/enable").then().statusCode(204);
        assertProblem(given().header("Authorization", "Bearer " + operator.token())
                .post("/api/v1/operations/accounts/NOBODY123/disable").then(), 404, "account-not-found");
    }

    private String signWithTheRealKey(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(SigningKeys.ALGORITHM);
        jws.setKeyIdHeaderValue(keys.current().kid());
        jws.setKey(keys.current().privateKey());
        return jws.getCompactSerialization();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
