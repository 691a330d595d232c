package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.Caller;

import java.time.Instant;
import java.util.List;

/** What a portal knows about the signed-in person: who, for which participant, and which one function. */
public record PortalSessionView(String userId, String participantId, String role, PortalFunction function,
                                List<String> authenticationMethods, Instant expiresAt) {

    static PortalSessionView of(Caller caller) {
        return new PortalSessionView(caller.userId(), caller.participantId(), caller.role(), caller.function(),
                caller.methods(), caller.expiresAt());
    }
}
