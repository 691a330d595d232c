package hk.ccms.access.auth.service.smartcard;

import java.time.Instant;

/** A random value a card must sign to log in; single use, short-lived, kept in this data centre's Redis. */
public record SmartcardChallenge(String challengeId, String challenge, Instant expiresAt) {
}
