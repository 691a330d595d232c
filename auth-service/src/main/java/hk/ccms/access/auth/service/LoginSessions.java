package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.PortalFunction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Opens a server-side session and signs the access token that stands for it. */
@ApplicationScoped
public class LoginSessions {

    private final TokenIssuer tokens;
    private final SessionStore sessions;
    private final SecureIds ids;

    public LoginSessions(TokenIssuer tokens, SessionStore sessions, SecureIds ids) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.ids = ids;
    }

    /** @param methods the {@code amr} values proven, e.g. {@code pwd} and {@code otp} */
    public TokenIssuer.IssuedToken open(Account account, PortalFunction function, List<String> methods) {
        String sessionId = ids.next();
        TokenIssuer.IssuedToken token = tokens.accessToken(account, function, methods, sessionId);
        sessions.open(new LoginSession(sessionId, account.id, account.userId, function, token.expiresAt()));
        return token;
    }
}
