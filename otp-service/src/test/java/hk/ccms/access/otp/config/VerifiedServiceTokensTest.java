package hk.ccms.access.otp.config;

import hk.ccms.access.otp.ServiceTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The full check runs once per distinct valid token, and again once the token has expired. */
class VerifiedServiceTokensTest {

    private final CountingVerifier verifier = new CountingVerifier();
    private final SettableClock clock = new SettableClock();
    private final VerifiedServiceTokens tokens = new VerifiedServiceTokens(verifier, clock);

    @Test
    void theSameTokenIsVerifiedOnceUntilItExpires() throws Exception {
        String token = ServiceTokens.sign(ServiceTokens.claims().expiresAt(clock.now.plusSeconds(120)));

        JsonWebToken first = tokens.parse(token);
        assertSame(first, tokens.parse(token));
        assertEquals(1, verifier.checks);

        clock.now = clock.now.plusSeconds(120);
        tokens.parse(token);
        assertEquals(2, verifier.checks, "at its exp the token goes through the full check again");
    }

    @Test
    void anotherStringIsCheckedInFullAndARefusalIsNotRemembered() throws Exception {
        String token = ServiceTokens.valid();
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"auth-service\"", "\"mallory\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThrows(ParseException.class, () -> tokens.parse(tampered));
        assertThrows(ParseException.class, () -> tokens.parse(tampered));
        assertEquals(3, verifier.checks);
    }

    @Test
    void atMostCapacityTokensAreHeld() throws Exception {
        List<String> presented = new ArrayList<>();
        for (int i = 0; i < VerifiedServiceTokens.CAPACITY; i++) {
            presented.add(ServiceTokens.sign(ServiceTokens.claims().claim("n", i)));
            tokens.parse(presented.get(i));
        }
        tokens.parse(presented.get(0));
        assertEquals(VerifiedServiceTokens.CAPACITY, verifier.checks, "all held");

        tokens.parse(ServiceTokens.sign(ServiceTokens.claims().claim("n", "one too many")));
        tokens.parse(presented.get(0));
        assertEquals(VerifiedServiceTokens.CAPACITY + 2, verifier.checks, "the full set was dropped to make room");
    }

    /** smallrye-jwt's own parser against the committed test key, counting full checks. */
    private static final class CountingVerifier extends DefaultJWTParser {
        int checks;

        CountingVerifier() {
            super(context());
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            checks++;
            return super.parse(token);
        }

        private static JWTAuthContextInfo context() {
            try {
                String jwks = new String(ServiceTokens.resource("service-token-jwks.json"), StandardCharsets.UTF_8);
                PublicKey key = ((PublicJsonWebKey) new JsonWebKeySet(jwks).getJsonWebKeys().get(0)).getPublicKey();
                JWTAuthContextInfo context = new JWTAuthContextInfo(key, ServiceTokens.ISSUER);
                context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
                context.setExpectedAudience(Set.of(ServiceTokens.AUDIENCE));
                return context;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class SettableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
