package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.PortalFunction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Signs the tokens this service hands out: people's access tokens and service-to-service tokens.
 * Built with jose4j directly: smallrye-jwt's builder looked up six configuration properties for
 * every token it signed, a measurable part of a login's CPU (BENCHMARKS.md, fourth round).
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String CLAIM_PARTICIPANT = "participant";
    public static final String CLAIM_ROLE = "role";
    public static final String CLAIM_FUNCTION = "function";
    public static final String CLAIM_SESSION = "sid";
    public static final String CLAIM_DATA_CENTRE = "dc";

    private final SigningKeys keys;
    private final AuthConfig config;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, AuthConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public record IssuedToken(String token, String tokenId, Instant issuedAt, Instant expiresAt) {
    }

    /** A token for one function of one portal, tied to a server-side session that can be revoked. */
    public IssuedToken accessToken(Account account, PortalFunction function, List<String> methods, String sessionId) {
        return issue(function.portal().audience(), account.userId, config.token().lifetime(), claims -> {
            claims.setStringListClaim("amr", methods);
            claims.setClaim(CLAIM_ROLE, account.type.name());
            claims.setClaim(CLAIM_FUNCTION, function.name());
            claims.setClaim(CLAIM_SESSION, sessionId);
            claims.setClaim(CLAIM_DATA_CENTRE, config.dataCentre());
            if (account.participantId != null) {
                claims.setClaim(CLAIM_PARTICIPANT, account.participantId);
            }
        });
    }

    /** A short-lived token by which this service calls {@code audience} with the given role. */
    public IssuedToken serviceToken(String audience, String group) {
        return issue(audience, "auth-service", config.token().serviceTokenLifetime(),
                claims -> claims.setStringListClaim("groups", group));
    }

    /** The registered claims every token carries, then the kind's own ({@code specific}), signed. */
    private IssuedToken issue(String audience, String subject, Duration lifetime, Consumer<JwtClaims> specific) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String tokenId = UUID.randomUUID().toString();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.token().issuer());
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(tokenId);
        specific.accept(claims);
        return new IssuedToken(sign(claims), tokenId, now, expiresAt);
    }

    private String sign(JwtClaims claims) {
        SigningKeys.ActiveKey key = keys.current();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setHeader(HeaderParameterNames.TYPE, "JWT");
        jws.setAlgorithmHeaderValue(SigningKeys.ALGORITHM);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setKey(key.privateKey());
        jws.setPayload(claims.toJson());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
