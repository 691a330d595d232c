package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.PortalFunction;

import java.time.Instant;

/** The server-side half of an access token: while it exists in Redis the token is honoured. */
public record LoginSession(String id, long accountId, String userId, PortalFunction function, Instant expiresAt) {
}
