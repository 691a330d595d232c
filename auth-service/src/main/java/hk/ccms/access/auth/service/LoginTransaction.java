package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.PortalFunction;

import java.time.Instant;

/**
 * A login between the password step and the code step. Lives only in this data centre's Redis
 * and only as long as its code.
 */
public record LoginTransaction(String id, long accountId, String userId, PortalFunction function, Instant createdAt) {
}
