package hk.ccms.access.datacentre.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints access tokens the way auth-service does for the operations console (issuer, audience
 * {@code ccms-operations}, {@code role}, {@code function}, session id {@code sid}), signed with the
 * {@link AuthServiceStub}'s key, whose public half the service under test trusts.
 */
public final class OperatorTokens {

    public static final String ISSUER = "urn:ccms:auth:PDC";
    public static final String AUDIENCE = "ccms-operations";
    public static final String OPERATOR = "OPS01";

    private OperatorTokens() {
    }

    /** A valid token of operator {@code userId}, with a session of its own. */
    public static String of(String userId) {
        return sign(claims(userId));
    }

    /** The claims of a valid operator token, to be changed by a test before signing. */
    public static JwtClaimsBuilder claims(String userId) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim("jti", UUID.randomUUID().toString())
                .claim("amr", List.of("pwd", "otp"))
                .claim("role", "OPERATOR")
                .claim("function", "OPERATIONS_CONSOLE")
                .claim("sid", UUID.randomUUID().toString())
                .claim("dc", "PDC");
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(AuthServiceStub.KEY_ID).algorithm(SignatureAlgorithm.ES256)
                .sign(AuthServiceStub.running().signingKey());
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    public static String sessionIdOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int start = payload.indexOf("\"sid\":\"") + "\"sid\":\"".length();
        return payload.substring(start, payload.indexOf('"', start));
    }
}
