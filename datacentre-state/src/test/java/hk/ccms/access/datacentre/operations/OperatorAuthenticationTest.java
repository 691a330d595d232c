package hk.ccms.access.datacentre.operations;

import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static hk.ccms.access.datacentre.testing.OperatorApi.OPERATIONS;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.reasonBody;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only an operator's operations-console token, verified here and with a session auth-service still
 * holds live, opens the operator API; every other caller gets a problem and changes nothing.
 */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class OperatorAuthenticationTest {

    /** Each operator endpoint, called with a request that would otherwise be valid. */
    private static final List<Function<RequestSpecification, ValidatableResponse>> ENDPOINTS = List.of(
            request -> request.get(OPERATIONS).then(),
            request -> request.contentType(ContentType.JSON).body(switchBody("SDC", "drill"))
                    .post(OPERATIONS + "/switch-over").then(),
            request -> request.contentType(ContentType.JSON).body(switchBody("PDC", "drill"))
                    .post(OPERATIONS + "/fail-over").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill"))
                    .post(OPERATIONS + "/sessions/SESSION_1/open").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill"))
                    .post(OPERATIONS + "/sessions/close").then(),
            request -> request.get(OPERATIONS + "/replication").then(),
            request -> request.get(OPERATIONS + "/quarantine").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill"))
                    .post(OPERATIONS + "/quarantine/1/reapply").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill"))
                    .post(OPERATIONS + "/quarantine/1/drop").then(),
            request -> request.get(OPERATIONS + "/approvals").then(),
            request -> request.post(OPERATIONS + "/approvals/1/approve").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill"))
                    .post(OPERATIONS + "/approvals/1/reject").then());

    private final String operator = OperatorTokens.of(OperatorTokens.OPERATOR);

    @Test
    void aLiveOperatorSessionOpensTheApiAndAuthServiceIsAskedWithTheSameToken() {
        int checksBefore = AuthServiceStub.running().presentedAuthorizations().size();

        overview(operator).statusCode(200)
                .contentType(ContentType.JSON)
                .body("dataCentre.id", is("PDC"))
                .body("peerDc", is("SDC"));

        List<String> checks = AuthServiceStub.running().presentedAuthorizations();
        assertEquals(checksBefore + 1, checks.size());
        assertEquals("Bearer " + operator, checks.get(checks.size() - 1));
    }

    @Test
    void everyOperatorEndpointNeedsAToken() {
        long version = version();
        for (Function<RequestSpecification, ValidatableResponse> endpoint : ENDPOINTS) {
            assertProblem(endpoint.apply(given()), 401, "unauthenticated");
            assertProblem(endpoint.apply(given().header("Authorization", "Basic T1BTMDE6cGFzc3dvcmQ=")), 401, "unauthenticated");
            assertProblem(endpoint.apply(given().auth().oauth2("not-a-jwt")), 401, "unauthenticated");
        }
        assertEquals(version, version());
    }

    @Test
    void anUnsignedTokenIsRefusedOnEveryEndpoint() {
        long version = version();
        String unsigned = OperatorTokens.unsigned(operator);
        for (Function<RequestSpecification, ValidatableResponse> endpoint : ENDPOINTS) {
            assertProblem(endpoint.apply(given().auth().oauth2(unsigned)), 401, "unauthenticated");
        }
        assertEquals(version, version());
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() {
        // Algorithm confusion: HS256 with the verifier's public key as the shared secret.
        byte[] publicKey = AuthServiceStub.running().publicKey().getEncoded();
        String confused = OperatorTokens.claims(OperatorTokens.OPERATOR).jws().keyId(AuthServiceStub.KEY_ID)
                .algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(publicKey, "HmacSHA256"));
        assertProblem(overview(confused), 401, "unauthenticated");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String forged = OperatorTokens.claims(OperatorTokens.OPERATOR).jws().keyId(AuthServiceStub.KEY_ID)
                .algorithm(SignatureAlgorithm.ES256).sign(generator.generateKeyPair().getPrivate());
        assertProblem(overview(forged), 401, "unauthenticated");

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String otherAlgorithm = OperatorTokens.claims(OperatorTokens.OPERATOR).jws().keyId(AuthServiceStub.KEY_ID)
                .algorithm(SignatureAlgorithm.RS256).sign(rsa.generateKeyPair().getPrivate());
        assertProblem(overview(otherAlgorithm), 401, "unauthenticated");
    }

    @Test
    void tokensForAnotherPortalOrIssuerAreRefused() {
        for (String audience : List.of("ccms", "dms", "otp-service")) {
            assertProblem(overview(OperatorTokens.sign(OperatorTokens.claims(OperatorTokens.OPERATOR).audience(audience))),
                    401, "unauthenticated");
        }
        assertProblem(overview(OperatorTokens.sign(OperatorTokens.claims(OperatorTokens.OPERATOR).issuer("urn:ccms:auth:SDC"))),
                401, "unauthenticated");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(900);
        String expired = OperatorTokens.sign(OperatorTokens.claims(OperatorTokens.OPERATOR)
                .issuedAt(past.minusSeconds(900)).expiresAt(past));
        assertProblem(overview(expired), 401, "unauthenticated");
    }

    @Test
    void validTokensOfOtherRolesOrFunctionsAreForbiddenWithoutAskingAuthService() {
        long version = version();
        int checksBefore = AuthServiceStub.running().presentedAuthorizations().size();
        List<String> notOperators = List.of(
                OperatorTokens.sign(OperatorTokens.claims("ALICE01").claim("role", "USER").claim("function", "ONLINE_FUNCTIONS")),
                OperatorTokens.sign(OperatorTokens.claims("DAISY01").claim("role", "DA").claim("function", "SECURITY_MANAGEMENT")),
                OperatorTokens.sign(OperatorTokens.claims(OperatorTokens.OPERATOR).claim("function", "SECURITY_MANAGEMENT")),
                OperatorTokens.sign(OperatorTokens.claims(OperatorTokens.OPERATOR).remove("role")));
        for (String token : notOperators) {
            for (Function<RequestSpecification, ValidatableResponse> endpoint : ENDPOINTS) {
                assertProblem(endpoint.apply(given().auth().oauth2(token)), 403, "forbidden");
            }
        }
        assertEquals(checksBefore, AuthServiceStub.running().presentedAuthorizations().size());
        assertEquals(version, version());
    }

    @Test
    void aSessionAuthServiceRevokedIsRefusedOnEveryEndpoint() {
        String loggedOut = OperatorTokens.of("OPS02");
        overview(loggedOut).statusCode(200);
        long version = version();

        AuthServiceStub.running().revoke(OperatorTokens.sessionIdOf(loggedOut));

        for (Function<RequestSpecification, ValidatableResponse> endpoint : ENDPOINTS) {
            assertProblem(endpoint.apply(given().auth().oauth2(loggedOut)), 401, "unauthenticated");
        }
        assertEquals(version, version());
        overview(operator).statusCode(200);
    }

    @Test
    void whileAuthServiceIsUnreachableOperatorRequestsFailClosed() {
        overview(operator).statusCode(200);
        long version = version();

        AuthServiceStub.running().shutDown();
        try {
            for (Function<RequestSpecification, ValidatableResponse> endpoint : ENDPOINTS) {
                ValidatableResponse response = endpoint.apply(given().auth().oauth2(operator));
                assertProblem(response, 503, "dependency-unavailable");
                response.header("Retry-After", notNullValue());
            }
        } finally {
            AuthServiceStub.running().startAgain();
        }

        assertEquals(version, version());
        given().when().get("/api/v1/datacentre").then().statusCode(200);
    }

    @Test
    void anUnexpectedAnswerFromAuthServiceFailsClosed() {
        long version = version();
        for (int status : new int[] {500, 503, 403, 302}) {
            AuthServiceStub.running().answerSessionChecksWith(status);
            try {
                assertProblem(overview(operator), 503, "dependency-unavailable");
                assertProblem(ENDPOINTS.get(1).apply(given().auth().oauth2(operator)), 503, "dependency-unavailable");
            } finally {
                AuthServiceStub.running().answerSessionChecksWith(0);
            }
        }
        assertEquals(version, version());
    }

    private long version() {
        return overview(operator).statusCode(200).extract().<Number>path("version").longValue();
    }
}
