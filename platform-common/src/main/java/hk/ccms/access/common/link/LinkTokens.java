package hk.ccms.access.common.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for calls between the platform's services across both data centres: HS256 with the
 * shared link key, issued by "service@DC", for one audience (the called service), valid for a
 * minute. Only HS256 is accepted, so neither {@code alg=none} nor a public-key algorithm can be
 * slipped in. A token is reused until shortly before it expires: one signature per call would be
 * work for nothing.
 */
@ApplicationScoped
public class LinkTokens {

    static final int MIN_KEY_BYTES = 32;
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(15);
    private static final int ALLOWED_CLOCK_SKEW_SECONDS = 30;

    /** Why a presented token was not accepted; never echoed to the caller. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    private record Issued(String token, Instant expiresAt) {
    }

    private final Optional<HmacKey> key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    @Inject
    public LinkTokens(LinkConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this(config.key().map(LinkTokens::decodeKey), service + "@" + config.dataCentre(), config.tokenLifetime(), Clock.systemUTC());
    }

    LinkTokens(Optional<byte[]> key, String issuer, Duration lifetime, Clock clock) {
        this.key = key.map(HmacKey::new);
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public boolean configured() {
        return key.isPresent();
    }

    /** The Authorization header value for a call to {@code audience}. */
    public String authorization(String audience) {
        Issued token = issued.get(audience);
        if (token == null || clock.instant().plus(RENEW_BEFORE_EXPIRY).isAfter(token.expiresAt())) {
            token = issue(audience);
            issued.put(audience, token);
        }
        return "Bearer " + token.token();
    }

    /** Checks a token presented to {@code audience}; returns its issuer. */
    public String verify(String token, String audience) throws Refused {
        HmacKey verificationKey = key.orElseThrow(() -> new Refused("no link key configured"));
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(verificationKey)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setMaxFutureValidityInMinutes((int) Math.max(1, lifetime.toMinutes() + 1))
                .setAllowedClockSkewInSeconds(ALLOWED_CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedAudience(audience)
                .build();
        try {
            return consumer.processToClaims(token).getIssuer();
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException invalid) {
            throw new Refused(invalid.getClass().getSimpleName());
        }
    }

    private Issued issue(String audience) {
        HmacKey signingKey = key.orElseThrow(() -> new IllegalStateException(
                "No data-centre link key (CCMS_DC_LINK_KEY) is configured; this call needs one"));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(issuer);
        claims.setAudience(audience);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expiresAt.toEpochMilli()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(signingKey);
        try {
            return new Issued(jws.getCompactSerialization(), expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a link token", e);
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The data-centre link key (CCMS_DC_LINK_KEY) must be at least "
                    + MIN_KEY_BYTES + " bytes, base64-encoded");
        }
        return key;
    }
}
