package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.PortalFunction;

import java.time.Instant;
import java.util.List;

/** The person behind a verified, unrevoked access token. */
public record Caller(String userId, String participantId, String role, PortalFunction function,
                     List<String> methods, String sessionId, Instant expiresAt) {
}
