package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Checks a person's access token: signature by one of our keys with the one allowed algorithm
 * (never {@code none}, never an HMAC keyed with a public key), issuer, audience = the portal,
 * expiry, and the claims a token must carry. Revocation is checked separately against the
 * session store.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final Logger LOG = Logger.getLogger(AccessTokenVerifier.class);
    private static final int CLOCK_SKEW_SECONDS = 5;

    private final SigningKeys keys;
    private final AuthConfig config;
    private final Clock clock;

    public AccessTokenVerifier(SigningKeys keys, AuthConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public record VerifiedToken(String userId, String participantId, String role, PortalFunction function,
                                List<String> methods, String sessionId, String tokenId, Instant expiresAt) {
    }

    /** Verifies once for any of the portals: the token's audience must be one of theirs. */
    public VerifiedToken verify(String token, Set<Portal> portals) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, SigningKeys.ALGORITHM)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.publicKeys().getJsonWebKeys()))
                .setExpectedIssuer(config.token().issuer())
                .setExpectedAudience(portals.stream().map(Portal::audience).toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            PortalFunction function = PortalFunction.valueOf(claims.getStringClaimValue(TokenIssuer.CLAIM_FUNCTION));
            if (!portals.contains(function.portal())) {
                throw rejected();
            }
            return new VerifiedToken(claims.getSubject(),
                    claims.getStringClaimValue(TokenIssuer.CLAIM_PARTICIPANT),
                    claims.getStringClaimValue(TokenIssuer.CLAIM_ROLE),
                    function,
                    claims.getStringListClaimValue("amr"),
                    requireClaim(claims, TokenIssuer.CLAIM_SESSION),
                    claims.getJwtId(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException | NullPointerException e) {
            LOG.debugf("Access token refused: %s", e.getClass().getSimpleName());
            throw rejected();
        }
    }

    private static String requireClaim(JwtClaims claims, String name) throws MalformedClaimException {
        String value = claims.getStringClaimValue(name);
        if (value == null || value.isBlank()) {
            throw rejected();
        }
        return value;
    }

    public static ProblemException rejected() {
        return new ProblemException(CommonProblemType.UNAUTHENTICATED, "A valid access token is required.");
    }
}
