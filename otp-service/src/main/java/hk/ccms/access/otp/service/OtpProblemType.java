package hk.ccms.access.otp.service;

import hk.ccms.access.common.problem.ProblemType;

/** The problems only otp-service answers with; auth-service switches on their URNs. */
public final class OtpProblemType {

    public static final ProblemType CHALLENGE_EXISTS = ProblemType.of("challenge-exists", "A challenge for this transaction is already live", 409);
    public static final ProblemType CHALLENGE_NOT_FOUND = ProblemType.of("challenge-not-found", "There is no live challenge for this transaction", 404);
    public static final ProblemType CHANNEL_NOT_AVAILABLE = ProblemType.of("channel-not-available", "Codes cannot be sent over this channel", 422);
    public static final ProblemType OTP_RATE_LIMITED = ProblemType.of("otp-rate-limited", "Too many codes were sent to this person in the current hour", 429);
    public static final ProblemType RESEND_TOO_SOON = ProblemType.of("resend-too-soon", "A new code cannot be sent yet", 429);
    public static final ProblemType NOTIFICATION_IN_PROGRESS = ProblemType.of("notification-in-progress", "Another request is sending this notification", 409);
    public static final ProblemType DELIVERY_UNAVAILABLE = ProblemType.of("delivery-unavailable", "The message could not be delivered", 503);

    private OtpProblemType() {
    }
}
