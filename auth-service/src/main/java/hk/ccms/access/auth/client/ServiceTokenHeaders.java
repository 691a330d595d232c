package hk.ccms.access.auth.client;

import hk.ccms.access.auth.service.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Adds the service token to every call to otp-service. The token is reused until shortly before
 * it expires: signing one per call would add a signature to every login for nothing.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    static final String OTP_SERVICE_AUDIENCE = "otp-service";
    static final String OTP_CLIENT_ROLE = "otp-client";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final TokenIssuer issuer;
    private final Clock clock;
    private volatile TokenIssuer.IssuedToken current;

    public ServiceTokenHeaders(TokenIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", "Bearer " + token());
        return headers;
    }

    private String token() {
        TokenIssuer.IssuedToken token = current;
        if (token == null || clock.instant().plus(RENEW_BEFORE_EXPIRY).isAfter(token.expiresAt())) {
            token = issuer.serviceToken(OTP_SERVICE_AUDIENCE, OTP_CLIENT_ROLE);
            current = token;
        }
        return token.token();
    }
}
