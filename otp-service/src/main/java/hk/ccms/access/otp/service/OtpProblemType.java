package hk.ccms.access.otp.service;

import hk.ccms.access.common.problem.ProblemType;

/** The problems only otp-service answers with; auth-service switches on their URNs. */
public enum OtpProblemType implements ProblemType {
    CHALLENGE_EXISTS("challenge-exists", "A challenge for this transaction is already live", 409),
    CHALLENGE_NOT_FOUND("challenge-not-found", "There is no live challenge for this transaction", 404),
    CHANNEL_NOT_AVAILABLE("channel-not-available", "Codes cannot be sent over this channel yet", 422),
    OTP_RATE_LIMITED("otp-rate-limited", "Too many codes were sent to this person in the current hour", 429),
    RESEND_TOO_SOON("resend-too-soon", "A new code cannot be sent yet", 429),
    DELIVERY_UNAVAILABLE("delivery-unavailable", "The code could not be delivered", 503);

    private final String slug;
    private final String title;
    private final int status;

    OtpProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
