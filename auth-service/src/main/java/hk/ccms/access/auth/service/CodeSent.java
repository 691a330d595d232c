package hk.ccms.access.auth.service;

import hk.ccms.access.auth.client.OtpServiceClient;

import java.time.Instant;

/** What a person is told when a code was sent: where to (masked), until when, and when a resend is allowed. */
public record CodeSent(String transactionId, String channel, String maskedDestination, Instant expiresAt,
                       Instant resendAvailableAt, int codeLength) {

    static CodeSent of(OtpServiceClient.ChallengeIssued issued) {
        return new CodeSent(issued.transactionId(), issued.channel(), issued.maskedDestination(),
                issued.expiresAt(), issued.resendAvailableAt(), issued.codeLength());
    }
}
