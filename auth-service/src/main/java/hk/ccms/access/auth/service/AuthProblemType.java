package hk.ccms.access.auth.service;

import hk.ccms.access.common.problem.ProblemType;

public enum AuthProblemType implements ProblemType {
    /** The one answer for unknown user, wrong password, locked or disabled account: nothing to enumerate. */
    LOGIN_FAILED("login-failed", "Sign-in failed", 401),
    LOGIN_TRANSACTION_INVALID("login-transaction-invalid", "The sign-in has expired or is not valid", 401),
    CODE_REJECTED("code-rejected", "The one-time password is not correct", 401),
    FUNCTION_NOT_PERMITTED("function-not-permitted", "This account cannot use the requested function", 403),
    TWO_FACTOR_NOT_INITIATED("two-factor-not-initiated", "Two-factor authentication is not set up for this account", 403),
    PASSWORD_POLICY("password-policy", "The password does not meet the policy", 422),
    CURRENT_PASSWORD_WRONG("current-password-wrong", "The current password is not correct", 403),
    ACCOUNT_CHANGED("account-changed", "The account was changed concurrently", 409),
    ACCOUNT_NOT_FOUND("account-not-found", "No such account", 404),
    RESEND_REFUSED("resend-refused", "A new code cannot be sent yet", 429),
    OTP_DELIVERY_UNAVAILABLE("otp-delivery-unavailable", "The one-time password could not be sent", 503);

    private final String slug;
    private final String title;
    private final int status;

    AuthProblemType(String slug, String title, int status) {
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
