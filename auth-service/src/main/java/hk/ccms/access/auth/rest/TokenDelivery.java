package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.service.TokenIssuer;
import hk.ccms.access.common.web.BrowserSession;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;

/**
 * How a completed sign-in hands over its access token: in the answer, for API clients, or as the
 * browser-session cookies, for the pages, so that no page script ever holds the token.
 */
public enum TokenDelivery {
    BODY,
    COOKIE;

    static RestResponse<LoginResource.AccessToken> respond(TokenIssuer.IssuedToken token, TokenDelivery delivery) {
        long expiresIn = Duration.between(token.issuedAt(), token.expiresAt()).toSeconds();
        if (delivery != COOKIE) {
            return RestResponse.ok(new LoginResource.AccessToken(token.token(), "Bearer", expiresIn, token.expiresAt()));
        }
        RestResponse.ResponseBuilder<LoginResource.AccessToken> answer =
                RestResponse.ResponseBuilder.ok(new LoginResource.AccessToken(null, "Cookie", expiresIn, token.expiresAt()));
        BrowserSession.cookies(token.token(), Duration.ofSeconds(expiresIn)).forEach(answer::cookie);
        return answer.build();
    }
}
