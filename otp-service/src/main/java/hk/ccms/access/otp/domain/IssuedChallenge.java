package hk.ccms.access.otp.domain;

import java.time.Instant;

/** What the caller learns about a code that was sent: never the code, and the destination only masked. */
public record IssuedChallenge(String transactionId,
                              Channel channel,
                              String maskedDestination,
                              Instant expiresAt,
                              Instant resendAvailableAt,
                              int codeLength) {
}
