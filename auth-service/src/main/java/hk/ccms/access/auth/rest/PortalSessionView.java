package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.Caller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a portal knows about the signed-in person: who, for which participant, which one function,
 * and how long the session lasts (absolute end, and the idle time after which it ends on its own).
 */
public record PortalSessionView(String userId, String participantId, String role, PortalFunction function,
                                List<String> authenticationMethods, Instant expiresAt, long idleTimeoutSeconds) {

    static PortalSessionView of(Caller caller, Duration idleTimeout) {
        return new PortalSessionView(caller.userId(), caller.participantId(), caller.role(), caller.function(),
                caller.methods(), caller.expiresAt(), idleTimeout.toSeconds());
    }
}
