package hk.ccms.access.otp.domain;

/** The answer to one code presented for a challenge. */
public enum VerificationOutcome {
    /** The code was right; the challenge is consumed. */
    ACCEPTED,
    /** The code was wrong; the challenge stays with fewer attempts left. */
    REJECTED,
    /** The code was wrong and it was the last attempt; the challenge is gone. */
    EXHAUSTED,
    /** There is no live challenge for this transaction and subject (never issued, used, expired or ended). */
    EXPIRED
}
