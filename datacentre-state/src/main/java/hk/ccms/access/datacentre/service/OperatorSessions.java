package hk.ccms.access.datacentre.service;

/**
 * Whether the operations-console session behind an access token is still live. A signature and an
 * expiry say nothing about a logout or a disabled account since the token was issued; auth-service,
 * which revokes sessions, does.
 */
public interface OperatorSessions {

    /**
     * @param accessToken the operator's bearer token, already verified here
     * @return true while the session is live, false once auth-service has revoked it
     * @throws hk.ccms.access.common.problem.ProblemException {@code dependency-unavailable} when
     *         auth-service cannot say: operator actions fail closed
     */
    boolean isLive(String accessToken);
}
