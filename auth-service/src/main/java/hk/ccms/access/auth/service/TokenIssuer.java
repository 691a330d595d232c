package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.PortalFunction;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Signs the tokens this service hands out: people's access tokens and service-to-service tokens. */
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
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.token().lifetime());
        String tokenId = UUID.randomUUID().toString();
        var claims = Jwt.issuer(config.token().issuer())
                .audience(function.portal().audience())
                .subject(account.userId)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", tokenId)
                .claim("amr", methods)
                .claim(CLAIM_ROLE, account.type.name())
                .claim(CLAIM_FUNCTION, function.name())
                .claim(CLAIM_SESSION, sessionId)
                .claim(CLAIM_DATA_CENTRE, config.dataCentre());
        if (account.participantId != null) {
            claims.claim(CLAIM_PARTICIPANT, account.participantId);
        }
        return new IssuedToken(sign(claims), tokenId, now, expiresAt);
    }

    /** A short-lived token by which this service calls {@code audience} with the given role. */
    public IssuedToken serviceToken(String audience, String group) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.token().serviceTokenLifetime());
        String tokenId = UUID.randomUUID().toString();
        var claims = Jwt.issuer(config.token().issuer())
                .audience(audience)
                .subject("auth-service")
                .groups(Set.of(group))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", tokenId);
        return new IssuedToken(sign(claims), tokenId, now, expiresAt);
    }

    private String sign(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        SigningKeys.ActiveKey key = keys.current();
        return claims.jws().keyId(key.kid()).algorithm(SigningKeys.SIGNATURE).sign(key.privateKey());
    }
}
