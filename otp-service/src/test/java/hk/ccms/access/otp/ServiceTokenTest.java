package hk.ccms.access.otp;

import hk.ccms.access.infra.testing.RedisTestResource;
import hk.ccms.access.infra.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static hk.ccms.access.otp.OtpApi.CHALLENGES;
import static hk.ccms.access.otp.OtpApi.newTransactionId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Only auth-service's signed service tokens, for this audience and with the otp-client group, get in. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ServiceTokenTest {

    private static final String UNAUTHENTICATED = "urn:ccms:problem:unauthenticated";

    @Test
    void validTokenIsAccepted() {
        call(ServiceTokens.valid()).statusCode(200).body("outcome", equalTo("EXPIRED"));
    }

    @Test
    void anonymousCallIsRefusedOnEveryEndpoint() {
        String tx = newTransactionId();
        problem(RestAssured.given().contentType(ContentType.JSON).body(OtpApi.issueBody(tx, "user.a", "a@cp0001.example"))
                .post(CHALLENGES).then(), 401, UNAUTHENTICATED);
        problem(RestAssured.given().contentType(ContentType.JSON).body(Map.of("subject", "user.a", "code", "123456"))
                .post(CHALLENGES + "/{tx}/verification", tx).then(), 401, UNAUTHENTICATED);
        problem(RestAssured.given().contentType(ContentType.JSON).body(Map.of("subject", "user.a"))
                .post(CHALLENGES + "/{tx}/resend", tx).then(), 401, UNAUTHENTICATED);
        problem(RestAssured.given().delete(CHALLENGES + "/{tx}", tx).then(), 401, UNAUTHENTICATED);
        problem(RestAssured.given().contentType(ContentType.JSON).body(notification()).post(OtpApi.NOTIFICATIONS).then(),
                401, UNAUTHENTICATED);
    }

    @Test
    void notificationsNeedTheSameServiceToken() {
        problem(sendNotificationWith(ServiceTokens.sign(ServiceTokens.claims().audience("auth-service"))), 401, UNAUTHENTICATED);
        problem(sendNotificationWith(ServiceTokens.sign(ServiceTokens.claims().issuer("urn:ccms:auth:SDC"))), 401, UNAUTHENTICATED);
        problem(sendNotificationWith(ServiceTokens.sign(ServiceTokens.claims().groups(Set.of("auditor")))), 403, "urn:ccms:problem:forbidden");
        sendNotificationWith(ServiceTokens.valid()).statusCode(202).body("status", equalTo("SENT"));
    }

    @Test
    void wrongAudienceIsRefused() {
        problem(call(ServiceTokens.sign(ServiceTokens.claims().audience("auth-service"))), 401, UNAUTHENTICATED);
    }

    @Test
    void wrongIssuerIsRefused() {
        problem(call(ServiceTokens.sign(ServiceTokens.claims().issuer("urn:ccms:auth:SDC"))), 401, UNAUTHENTICATED);
    }

    @Test
    void expiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(600);
        problem(call(ServiceTokens.sign(ServiceTokens.claims().issuedAt(past.minusSeconds(120)).expiresAt(past))),
                401, UNAUTHENTICATED);
    }

    @Test
    void unsignedTokenIsRefused() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String[] valid = ServiceTokens.valid().split("\\.");
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        problem(call(header + "." + valid[1] + "."), 401, UNAUTHENTICATED);
    }

    @Test
    void tokenSignedWithTheWrongKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String forged = ServiceTokens.claims().jws().keyId(ServiceTokens.KEY_ID).algorithm(SignatureAlgorithm.ES256)
                .sign(generator.generateKeyPair().getPrivate());
        problem(call(forged), 401, UNAUTHENTICATED);

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String otherAlgorithm = ServiceTokens.claims().jws().keyId(ServiceTokens.KEY_ID).algorithm(SignatureAlgorithm.RS256)
                .sign(rsa.generateKeyPair().getPrivate());
        problem(call(otherAlgorithm), 401, UNAUTHENTICATED);

        String[] valid = ServiceTokens.valid().split("\\.");
        String tampered = valid[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(valid[1]), StandardCharsets.UTF_8)
                        .replace("\"auth-service\"", "\"mallory\"").getBytes(StandardCharsets.UTF_8)) + "." + valid[2];
        problem(call(tampered), 401, UNAUTHENTICATED);
    }

    @Test
    void hmacTokenKeyedWithThePublishedPublicKeyIsRefused() {
        // The classic algorithm-confusion attack: HS256 with the verifier's public key as the shared secret.
        byte[] jwks = ServiceTokens.resource("service-token-jwks.json");
        String confused = ServiceTokens.claims().jws().keyId(ServiceTokens.KEY_ID).algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(jwks, "HmacSHA256"));
        problem(call(confused), 401, UNAUTHENTICATED);
    }

    @Test
    void garbageTokenIsRefused() {
        problem(call("not-a-jwt"), 401, UNAUTHENTICATED);
    }

    @Test
    void tokenWithoutTheClientGroupIsForbidden() {
        problem(call(ServiceTokens.sign(ServiceTokens.claims().groups(Set.of("auditor")))), 403, "urn:ccms:problem:forbidden");
        problem(RestAssured.given().auth().oauth2(ServiceTokens.sign(ServiceTokens.claims().groups(Set.of())))
                .delete(CHALLENGES + "/{tx}", newTransactionId()).then(), 403, "urn:ccms:problem:forbidden");
    }

    private static ValidatableResponse call(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subject", "user.a", "code", "123456"))
                .post(CHALLENGES + "/{tx}/verification", newTransactionId()).then();
    }

    private static ValidatableResponse sendNotificationWith(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(notification())
                .post(OtpApi.NOTIFICATIONS).then();
    }

    private static Map<String, Object> notification() {
        return OtpApi.notificationBody(OtpApi.newNotificationId(), "PASSWORD_CHANGED", OtpApi.newAddress(), null);
    }

    private static void problem(ValidatableResponse response, int status, String type) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("status", equalTo(status))
                .body(not(containsString("Exception")));
    }
}
