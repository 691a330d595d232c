package hk.ccms.access.datacentre.service;

import java.util.Optional;

/**
 * The operations-console session behind an access token, as auth-service holds it. A signature and
 * an expiry say nothing about a logout or a disabled account since the token was issued;
 * auth-service, which revokes sessions, does.
 */
public interface OperatorSessions {

    /**
     * @param accessToken the operator's token, already verified here
     * @return the session while it is live; empty once auth-service has revoked it
     * @throws hk.ccms.access.common.problem.ProblemException {@code dependency-unavailable} when
     *         auth-service cannot say: operator actions fail closed
     */
    Optional<OperatorSession> live(String accessToken);

    /**
     * Ends the session at auth-service (operator logout). A session that has already ended counts
     * as ended.
     *
     * @throws hk.ccms.access.common.problem.ProblemException {@code dependency-unavailable} when
     *         auth-service cannot be told
     */
    void end(String accessToken);
}
