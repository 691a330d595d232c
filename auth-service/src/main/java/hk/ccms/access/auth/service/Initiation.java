package hk.ccms.access.auth.service;

import java.time.Instant;

/**
 * A 2FA set-up in progress. The activation code went to {@code activationEmail}; once it is
 * proven (by {@code completeBy}) the person may prove a mobile number ({@code pendingMobile}, with
 * a code of its own sent under {@code mobileProofId}) and then choose a channel and a password.
 * Lives only in this data centre's Redis.
 */
public record Initiation(String id, long accountId, String userId, String activationEmail, Instant completeBy,
                         String pendingMobile, String mobileProofId, String provenMobile) {

    static Initiation started(String id, long accountId, String userId, String activationEmail) {
        return new Initiation(id, accountId, userId, activationEmail, null, null, null, null);
    }

    boolean activated() {
        return completeBy != null;
    }

    Initiation activated(Instant deadline) {
        return new Initiation(id, accountId, userId, activationEmail, deadline, null, null, null);
    }

    Initiation awaitingMobileProof(String mobile, String proofId) {
        return new Initiation(id, accountId, userId, activationEmail, completeBy, mobile, proofId, provenMobile);
    }

    Initiation mobileProven() {
        return new Initiation(id, accountId, userId, activationEmail, completeBy, null, null, pendingMobile);
    }
}
