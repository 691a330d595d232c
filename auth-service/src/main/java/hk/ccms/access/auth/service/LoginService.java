package hk.ccms.access.auth.service;

import hk.ccms.access.auth.client.OtpGateway;
import hk.ccms.access.auth.client.OtpServiceClient;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login with User ID + password + one-time password, in two steps. The password step gives the
 * same answer for an unknown user, a wrong password, a locked and a disabled account, after the
 * same amount of hashing work; only a proven password reveals anything about the account.
 */
@ApplicationScoped
public class LoginService {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> PASSWORD_AND_OTP = List.of("pwd", "otp");

    private final Passwords passwords;
    private final Lockout lockout;
    private final AuditTrail audit;
    private final OtpGateway otp;
    private final LoginTransactionStore transactions;
    private final LoginSessions sessions;
    private final SecureIds ids;
    private final CutoverPolicies cutover;
    private final DataCentreGate gate;
    private final Clock clock;

    public LoginService(Passwords passwords, Lockout lockout, AuditTrail audit, OtpGateway otp,
                        LoginTransactionStore transactions, LoginSessions sessions, SecureIds ids, CutoverPolicies cutover,
                        DataCentreGate gate, Clock clock) {
        this.passwords = passwords;
        this.lockout = lockout;
        this.audit = audit;
        this.otp = otp;
        this.transactions = transactions;
        this.sessions = sessions;
        this.ids = ids;
        this.cutover = cutover;
        this.gate = gate;
        this.clock = clock;
    }

    public CodeSent passwordStep(String userId, String password, PortalFunction function) {
        gate.requireActiveFor(function);
        cutover.requireOtpAllowed(function);
        Account account = Account.findByUserId(userId).orElse(null);
        boolean passwordMatches = passwords.matches(password, account == null ? null : account.passwordHash);
        if (account == null) {
            audit.record(AuditAction.LOGIN_PASSWORD_STEP, ANONYMOUS, Account.canonicalUserId(userId), null, Result.FAILURE, "unknown user");
            throw loginFailed();
        }
        if (account.status != AccountStatus.ACTIVE) {
            refuse(account, "account disabled");
        }
        if (account.isLockedAt(clock.instant())) {
            refuse(account, "account locked");
        }
        if (!passwordMatches) {
            lockout.countFailure(account, AuditAction.LOGIN_PASSWORD_STEP, "wrong password");
            throw loginFailed();
        }
        if (passwords.needsRehash(account.passwordHash) && gate.acceptsWrites()) {
            rehash(account.id, passwords.hash(password));
        }
        if (!function.isAvailableTo(account.type)) {
            audit.record(AuditAction.LOGIN_PASSWORD_STEP, account.userId, account, Result.FAILURE, "function not permitted: " + function);
            throw new ProblemException(AuthProblemType.FUNCTION_NOT_PERMITTED,
                    "This account cannot sign in to " + function + ".");
        }
        Optional<String> destination = account.otpDestination();
        if (!account.canLogInWithOtp() || destination.isEmpty()) {
            audit.record(AuditAction.LOGIN_PASSWORD_STEP, account.userId, account, Result.FAILURE, "2FA not initiated");
            throw new ProblemException(AuthProblemType.TWO_FACTOR_NOT_INITIATED,
                    "Set up two-factor authentication (password and OTP channel) before signing in with OTP.");
        }
        String transactionId = ids.next();
        OtpServiceClient.ChallengeIssued issued = otp.sendCode(transactionId, account.userId, OtpServiceClient.Purpose.LOGIN,
                account.otpChannel.name(), destination.get());
        try {
            transactions.save(transactionId, new LoginTransaction(transactionId, account.id, account.userId, function, clock.instant()),
                    Duration.between(clock.instant(), issued.expiresAt()));
        } catch (ProblemException storeDown) {
            otp.cancel(transactionId);
            throw storeDown;
        }
        audit.record(AuditAction.LOGIN_PASSWORD_STEP, account.userId, account, Result.SUCCESS,
                "code sent by " + issued.channel() + " for " + function);
        return CodeSent.of(issued);
    }

    public TokenIssuer.IssuedToken codeStep(String transactionId, String code) {
        LoginTransaction transaction = transactions.find(transactionId).orElseThrow(LoginService::transactionInvalid);
        gate.requireActiveFor(transaction.function());
        Account account = Account.<Account>findByIdOptional(transaction.accountId()).orElse(null);
        if (account == null || account.status != AccountStatus.ACTIVE || account.isLockedAt(clock.instant())) {
            abandon(transactionId);
            if (account != null) {
                refuse(account, "account locked or disabled during sign-in");
            }
            throw loginFailed();
        }
        OtpServiceClient.Verification verification = otp.verify(transactionId, account.userId, code);
        switch (verification.outcome()) {
            case ACCEPTED -> {
                if (!transactions.consume(transactionId)) {
                    throw transactionInvalid();
                }
                if (account.failedAttempts != 0 || account.lockedUntil != null) {
                    lockout.reset(account.id);
                }
                TokenIssuer.IssuedToken token = sessions.open(account, transaction.function(), PASSWORD_AND_OTP);
                audit.record(AuditAction.LOGIN_CODE_STEP, account.userId, account, Result.SUCCESS,
                        "signed in to " + transaction.function() + " with pwd+otp");
                return token;
            }
            case REJECTED -> {
                boolean locked = lockout.countFailure(account, AuditAction.LOGIN_CODE_STEP, "wrong code");
                if (locked) {
                    abandon(transactionId);
                    throw loginFailed();
                }
                throw OtpGateway.codeRejected(verification);
            }
            case EXHAUSTED -> {
                transactions.consume(transactionId);
                lockout.countFailure(account, AuditAction.LOGIN_CODE_STEP, "wrong code, attempts exhausted");
                throw new ProblemException(AuthProblemType.LOGIN_TRANSACTION_INVALID,
                        "Too many wrong one-time passwords; start again with your user ID and password.");
            }
            default -> {
                transactions.consume(transactionId);
                audit.record(AuditAction.LOGIN_CODE_STEP, account.userId, account, Result.FAILURE, "code expired or already used");
                throw transactionInvalid();
            }
        }
    }

    public CodeSent resendCode(String transactionId) {
        LoginTransaction transaction = transactions.find(transactionId).orElseThrow(LoginService::transactionInvalid);
        gate.requireActiveFor(transaction.function());
        OtpServiceClient.ChallengeIssued issued = otp.resend(transactionId, transaction.userId());
        transactions.save(transactionId, transaction, Duration.between(clock.instant(), issued.expiresAt()));
        audit.record(AuditAction.LOGIN_CODE_RESENT, transaction.userId(), transaction.userId(), null, Result.SUCCESS,
                "code re-sent by " + issued.channel());
        return CodeSent.of(issued);
    }

    @Transactional
    void rehash(long accountId, String newHash) {
        Account.update("passwordHash = ?1, version = version + 1, updatedAt = ?2 where id = ?3", newHash, clock.instant(), accountId);
    }

    private void refuse(Account account, String reason) {
        audit.record(AuditAction.LOGIN_PASSWORD_STEP, ANONYMOUS, account, Result.FAILURE, reason);
        throw loginFailed();
    }

    private void abandon(String transactionId) {
        transactions.consume(transactionId);
        otp.cancel(transactionId);
    }

    /** The one answer for every failed sign-in, whichever factor failed. */
    public static ProblemException loginFailed() {
        return new ProblemException(AuthProblemType.LOGIN_FAILED,
                "The user ID or password is not correct, or the account cannot sign in now.");
    }

    private static ProblemException transactionInvalid() {
        return new ProblemException(AuthProblemType.LOGIN_TRANSACTION_INVALID,
                "This sign-in has expired or was already completed; start again with your user ID and password.");
    }
}
