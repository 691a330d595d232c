package hk.ccms.access.otp;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Mints service tokens the way auth-service does, with the committed test key pair
 * ({@code service-token-signing-key.pem}; its public half is {@code service-token-jwks.json},
 * which the test profile trusts).
 */
public final class ServiceTokens {

    public static final String ISSUER = "urn:ccms:auth:PDC";
    public static final String AUDIENCE = "otp-service";
    public static final String GROUP = "otp-client";
    public static final String KEY_ID = "test-service-token-key";

    private static final PrivateKey SIGNING_KEY = readPrivateKey(resource("service-token-signing-key.pem"));

    private ServiceTokens() {
    }

    /** A valid token for auth-service calling otp-service. */
    public static String valid() {
        return sign(claims());
    }

    /** The claims of a valid token, to be changed by a test before signing. */
    public static JwtClaimsBuilder claims() {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject("auth-service")
                .audience(AUDIENCE)
                .groups(Set.of(GROUP))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(120));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.ES256).sign(SIGNING_KEY);
    }

    public static byte[] resource(String name) {
        try (InputStream in = ServiceTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey readPrivateKey(byte[] pem) {
        String base64 = new String(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable test signing key", e);
        }
    }
}
