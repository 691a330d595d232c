package hk.ccms.access.otp.domain;

import java.time.Instant;

/**
 * A code sent for one transaction, as stored: the code itself is never kept, only its keyed hash.
 * The destination is kept (until expiry) so that a resend reaches the same address.
 */
public record OtpChallenge(String transactionId,
                           String subject,
                           Purpose purpose,
                           Channel channel,
                           String destination,
                           Language language,
                           String codeHash,
                           int maxAttempts,
                           Instant sentAt,
                           Instant expiresAt) {

    /** Without the hash and the address, so that logging a challenge can never leak them. */
    @Override
    public String toString() {
        return "OtpChallenge[transactionId=" + transactionId + ", subject=" + subject + ", purpose=" + purpose
                + ", channel=" + channel + ", sentAt=" + sentAt + ", expiresAt=" + expiresAt + "]";
    }
}
