package hk.ccms.access.auth.service;

import hk.ccms.access.common.problem.ProblemType;

/** Problem types auth-service answers with, beyond those in {@link hk.ccms.access.common.problem.CommonProblemType}. */
public final class AuthProblemType {

    /** The one answer for unknown user, wrong password, locked or disabled account: nothing to enumerate. */
    public static final ProblemType LOGIN_FAILED = ProblemType.of("login-failed", "Sign-in failed", 401);
    public static final ProblemType LOGIN_TRANSACTION_INVALID = ProblemType.of("login-transaction-invalid", "The sign-in has expired or is not valid", 401);
    public static final ProblemType CODE_REJECTED = ProblemType.of("code-rejected", "The one-time password is not correct", 401);
    public static final ProblemType FUNCTION_NOT_PERMITTED = ProblemType.of("function-not-permitted", "This account cannot use the requested function", 403);
    public static final ProblemType TWO_FACTOR_NOT_INITIATED = ProblemType.of("two-factor-not-initiated", "Two-factor authentication is not set up for this account", 403);
    public static final ProblemType PASSWORD_POLICY = ProblemType.of("password-policy", "The password does not meet the policy", 422);
    public static final ProblemType CURRENT_PASSWORD_WRONG = ProblemType.of("current-password-wrong", "The current password is not correct", 403);
    public static final ProblemType ACCOUNT_CHANGED = ProblemType.of("account-changed", "The account was changed concurrently", 409);
    public static final ProblemType ACCOUNT_NOT_FOUND = ProblemType.of("account-not-found", "No such account", 404);
    public static final ProblemType RESEND_REFUSED = ProblemType.of("resend-refused", "A new code cannot be sent yet", 429);
    public static final ProblemType OTP_DELIVERY_UNAVAILABLE = ProblemType.of("otp-delivery-unavailable", "The one-time password could not be sent", 503);

    private AuthProblemType() {
    }
}
