package hk.ccms.access.otp.config;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * auth-service signs one service token and presents it on every call for the token's two-minute
 * life, and an ES256 verification costs about 1 ms with the C1 compiler the services run with
 * (BENCHMARKS.md). So the full check (signature against the JWKS, algorithm, issuer, audience,
 * expiry) runs once per distinct token; a later presentation of exactly the same string is
 * answered from memory until the token's {@code exp}, with no clock-skew allowance. Only tokens
 * that passed are remembered, and at most {@link #CAPACITY} of them.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedServiceTokens implements JWTParser {

    static final int CAPACITY = 64;

    private final JWTParser verifier;
    private final Clock clock;
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedServiceTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC());
    }

    VerifiedServiceTokens(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        remember(token, checked);
        return checked;
    }

    private boolean unexpired(JsonWebToken token) {
        return clock.instant().getEpochSecond() < token.getExpirationTime();
    }

    private void remember(String token, JsonWebToken checked) {
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(known -> !unexpired(known));
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, checked);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
