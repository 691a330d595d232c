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

    /** One answer for unknown, disabled, locked, already enrolled and e-mail-less accounts: nothing to enumerate. */
    public static final ProblemType NOT_READY_FOR_TWO_FACTOR = ProblemType.of("not-ready-for-two-factor", "This account cannot set up two-factor authentication now", 403);
    public static final ProblemType INITIATION_INVALID = ProblemType.of("initiation-invalid", "The 2FA set-up has expired or is not valid", 401);
    public static final ProblemType INITIATION_STEP_OUT_OF_ORDER = ProblemType.of("initiation-step-out-of-order", "This 2FA set-up step is not possible now", 409);
    public static final ProblemType MOBILE_NOT_PROVEN = ProblemType.of("mobile-not-proven", "The mobile number has not been proven", 409);
    public static final ProblemType MOBILE_IS_OTP_CHANNEL = ProblemType.of("mobile-is-otp-channel", "The mobile number is the user's proven OTP channel", 409);
    public static final ProblemType SELF_ADMINISTRATION = ProblemType.of("self-administration", "Administrators cannot administer their own account", 403);
    public static final ProblemType REQUEST_PENDING = ProblemType.of("request-pending", "A request of this kind is already waiting for approval", 409);
    public static final ProblemType REQUEST_NOT_FOUND = ProblemType.of("request-not-found", "No such request", 404);
    public static final ProblemType REQUEST_CLOSED = ProblemType.of("request-closed", "The request was already decided or has expired", 409);
    public static final ProblemType MAKER_CANNOT_APPROVE = ProblemType.of("maker-cannot-approve", "A request needs a second administrator", 403);

    public static final ProblemType SMARTCARD_RETIRED = ProblemType.of("smartcard-retired", "Smartcard login is no longer available", 403);
    public static final ProblemType OTP_NOT_YET_AVAILABLE = ProblemType.of("otp-not-yet-available", "Login with OTP is not open yet", 403);
    public static final ProblemType CUTOVER_NOT_GOVERNED = ProblemType.of("cutover-not-governed", "No cut-over applies to this portal and role", 422);
    public static final ProblemType CUTOVER_GAP = ProblemType.of("cutover-gap", "The cut-over dates leave no way to log in", 422);
    public static final ProblemType SMARTCARD_NOT_CONFIGURED = ProblemType.of("smartcard-not-configured", "Smartcard login is not configured", 503);
    public static final ProblemType CHALLENGE_INVALID = ProblemType.of("challenge-invalid", "The smartcard challenge has expired or was already used", 401);
    public static final ProblemType CLIENT_CERTIFICATE_REQUIRED = ProblemType.of("client-certificate-required", "A card certificate from the TLS handshake is required", 401);
    public static final ProblemType CARD_ALREADY_REGISTERED = ProblemType.of("card-already-registered", "The account already has a card, or the card belongs to another account", 409);
    public static final ProblemType CARD_NOT_VALID = ProblemType.of("card-not-valid", "The card certificate is not a valid card of the clearing house", 422);
    public static final ProblemType CARD_NOT_FOUND = ProblemType.of("card-not-found", "No such card certificate", 404);

    public static final ProblemType STANDBY = ProblemType.of("standby", "This data centre is on standby", 503);
    public static final ProblemType DATACENTRE_STATE_UNKNOWN = ProblemType.of("datacentre-state-unknown", "Whether this data centre is active is not known", 503);
    public static final ProblemType STALE_EPOCH = ProblemType.of("stale-epoch", "The data-centre state presented is older than the one held here", 409);
    public static final ProblemType REPLICATION_REFUSED = ProblemType.of("replication-refused", "This data centre does not take replication now", 409);
    public static final ProblemType QUARANTINE_DECIDED = ProblemType.of("quarantine-decided", "The quarantined change was already re-applied or dropped", 409);
    public static final ProblemType QUARANTINE_NOT_FOUND = ProblemType.of("quarantine-not-found", "No such quarantined change", 404);
    public static final ProblemType FUNCTION_NOT_AVAILABLE = ProblemType.of("function-not-available", "Function not available", 503);

    private AuthProblemType() {
    }
}
