package hk.ccms.access.otp.domain;

/** The outcome of presenting a code, with the wrong attempts still allowed (0 once the challenge is gone). */
public record Verification(VerificationOutcome outcome, int remainingAttempts) {
}
