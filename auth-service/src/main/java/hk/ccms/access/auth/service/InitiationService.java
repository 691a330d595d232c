package hk.ccms.access.auth.service;

import hk.ccms.access.auth.client.OtpGateway;
import hk.ccms.access.auth.client.OtpServiceClient;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.Enrolment;
import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * First-time 2FA set-up (and set-up again after an administrator's reset): an activation code to
 * the registered e-mail address proves the person, who then sets a new password and chooses an
 * OTP channel — e-mail, or SMS to a mobile number proven by a code of its own. An activation code
 * never signs anyone in: the person signs in afterwards with the new password and an OTP.
 */
@ApplicationScoped
public class InitiationService {

    private static final String ANONYMOUS = "anonymous";

    private final InitiationStore initiations;
    private final OtpGateway otp;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Lockout lockout;
    private final AccountChanges changes;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final SecureIds ids;
    private final AuthConfig.Initiation config;
    private final Clock clock;

    public InitiationService(InitiationStore initiations, OtpGateway otp, Passwords passwords, PasswordPolicy policy,
                             Lockout lockout, AccountChanges changes, SessionStore sessions, AuditTrail audit, SecureIds ids,
                             AuthConfig config, Clock clock) {
        this.initiations = initiations;
        this.otp = otp;
        this.passwords = passwords;
        this.policy = policy;
        this.lockout = lockout;
        this.changes = changes;
        this.sessions = sessions;
        this.audit = audit;
        this.ids = ids;
        this.config = config.initiation();
        this.clock = clock;
    }

    public record Progress(String transactionId, boolean activationProven, String provenMobile, Instant completeBy) {
        static Progress of(Initiation initiation) {
            return new Progress(initiation.id(), initiation.activated(), initiation.provenMobile(), initiation.completeBy());
        }
    }

    public record Enrolled(String userId, OtpChannel channel) {
    }

    /** Sends the activation code, or answers "not ready" the same way for every account that cannot set up 2FA now. */
    public CodeSent start(String userId) {
        Account account = Account.findByUserId(userId).orElse(null);
        if (account == null) {
            audit.record(AuditAction.INITIATION_STARTED, ANONYMOUS, Account.canonicalUserId(userId), null, Result.FAILURE, "unknown user");
            throw notReady();
        }
        String refusal = refusal(account);
        if (refusal != null) {
            audit.record(AuditAction.INITIATION_STARTED, ANONYMOUS, account, Result.FAILURE, refusal);
            throw notReady();
        }
        String id = ids.next();
        CodeSent sent = CodeSent.of(otp.sendCode(id, account.userId, OtpServiceClient.Purpose.ACTIVATION,
                OtpChannel.EMAIL.name(), account.email));
        try {
            initiations.save(id, Initiation.started(id, account.id, account.userId, account.email), until(sent.expiresAt()));
        } catch (ProblemException storeDown) {
            otp.cancel(id);
            throw storeDown;
        }
        audit.record(AuditAction.INITIATION_STARTED, ANONYMOUS, account, Result.SUCCESS, "activation code sent by EMAIL");
        return sent;
    }

    /** Proves the activation code; the person then has the completion window to finish. */
    public Progress activate(String initiationId, String code) {
        Initiation initiation = find(initiationId);
        if (initiation.activated()) {
            throw outOfOrder("The activation code was already proven; choose the OTP channel and the password.");
        }
        Account account = stillEligible(initiation);
        verify(initiation, initiation.id(), account, code, AuditAction.ACTIVATION_CODE_STEP);
        Initiation activated = initiation.activated(clock.instant().plus(config.completionWindow()));
        initiations.save(initiationId, activated, config.completionWindow());
        audit.record(AuditAction.ACTIVATION_CODE_STEP, account.userId, account, Result.SUCCESS, "activation code proven");
        return Progress.of(activated);
    }

    /** Sends a code by SMS to the number the person wants to use; the number counts only once the code is proven. */
    public CodeSent sendMobileProof(String initiationId, String mobile) {
        Initiation initiation = activatedInitiation(initiationId);
        Account account = stillEligible(initiation);
        if (initiation.mobileProofId() != null) {
            otp.cancel(initiation.mobileProofId());
        }
        String proofId = ids.next();
        CodeSent sent = CodeSent.of(otp.sendCode(proofId, account.userId, OtpServiceClient.Purpose.MOBILE_PROOF,
                OtpChannel.SMS.name(), mobile));
        initiations.save(initiationId, initiation.awaitingMobileProof(mobile, proofId), remaining(initiation));
        audit.record(AuditAction.MOBILE_PROOF_SENT, account.userId, account, Result.SUCCESS, "mobile proof code sent by SMS");
        return withId(sent, initiationId);
    }

    public Progress confirmMobile(String initiationId, String code) {
        Initiation initiation = activatedInitiation(initiationId);
        if (initiation.mobileProofId() == null) {
            throw outOfOrder("No mobile number is waiting to be proven; send a code to the mobile number first.");
        }
        Account account = stillEligible(initiation);
        verify(initiation, initiation.mobileProofId(), account, code, AuditAction.MOBILE_PROOF_STEP);
        Initiation proven = initiation.mobileProven();
        initiations.save(initiationId, proven, remaining(initiation));
        audit.record(AuditAction.MOBILE_PROOF_STEP, account.userId, account, Result.SUCCESS, "mobile number proven");
        return Progress.of(proven);
    }

    /** A new code for the step the set-up is at: the activation code, or the mobile proof code. */
    public CodeSent resend(String initiationId) {
        Initiation initiation = find(initiationId);
        String challenge = !initiation.activated() ? initiation.id() : initiation.mobileProofId();
        if (challenge == null) {
            throw outOfOrder("No code is waiting to be proven in this set-up.");
        }
        CodeSent sent = CodeSent.of(otp.resend(challenge, initiation.userId()));
        if (!initiation.activated()) {
            initiations.save(initiationId, initiation, until(sent.expiresAt()));
        }
        audit.record(AuditAction.SETUP_CODE_RESENT, initiation.userId(), initiation.userId(), null, Result.SUCCESS,
                "2FA set-up code re-sent by " + sent.channel());
        return withId(sent, initiationId);
    }

    /**
     * How a candidate password fares against the policy, rule by rule, for feedback while the person
     * types; only once the activation code is proven, so the check is no oracle for strangers.
     */
    public List<PasswordPolicy.RuleCheck> checkPassword(String initiationId, String candidate) {
        Account account = stillEligible(activatedInitiation(initiationId));
        return policy.evaluate(candidate, contextOf(account));
    }

    /** Sets the new password and the channel; the account is enrolled and can sign in with OTP. */
    public Enrolled complete(String initiationId, String newPassword, OtpChannel channel) {
        Initiation initiation = activatedInitiation(initiationId);
        Account account = stillEligible(initiation);
        if (channel == OtpChannel.SMS && initiation.provenMobile() == null) {
            throw new ProblemException(AuthProblemType.MOBILE_NOT_PROVEN,
                    "To receive one-time passwords by SMS, first prove the mobile number with the code sent to it.");
        }
        try {
            policy.check(newPassword, contextOf(account));
        } catch (ProblemException refused) {
            audit.record(AuditAction.TWO_FACTOR_SET_UP, account.userId, account, Result.FAILURE, "new password refused by policy");
            throw refused;
        }
        String hash = passwords.hash(newPassword);
        if (!initiations.consume(initiationId)) {
            throw invalid();
        }
        changes.enrol(account.id, initiation.activationEmail(), hash, channel, initiation.provenMobile());
        sessions.closeAll(account.id);
        audit.record(AuditAction.TWO_FACTOR_SET_UP, account.userId, account, Result.SUCCESS, "OTP channel " + channel);
        return new Enrolled(account.userId, channel);
    }

    private void verify(Initiation initiation, String challenge, Account account, String code, AuditAction action) {
        OtpServiceClient.Verification verification = otp.verify(challenge, account.userId, code);
        switch (verification.outcome()) {
            case ACCEPTED -> {
                return;
            }
            case REJECTED -> {
                if (lockout.countFailure(account, action, "wrong code")) {
                    abandon(initiation);
                    throw invalid();
                }
                throw OtpGateway.codeRejected(verification);
            }
            case EXHAUSTED -> {
                abandon(initiation);
                lockout.countFailure(account, action, "wrong code, attempts exhausted");
                throw invalid();
            }
            default -> {
                abandon(initiation);
                audit.record(action, ANONYMOUS, account, Result.FAILURE, "code expired or already used");
                throw invalid();
            }
        }
    }

    /** The account must still be one that may set up 2FA, with the address the activation code went to. */
    private Account stillEligible(Initiation initiation) {
        Account account = Account.<Account>findByIdOptional(initiation.accountId()).orElse(null);
        if (account == null || refusal(account) != null || !initiation.activationEmail().equals(account.email)) {
            abandon(initiation);
            throw invalid();
        }
        return account;
    }

    private String refusal(Account account) {
        if (account.status != AccountStatus.ACTIVE) {
            return "account disabled";
        }
        if (account.isLockedAt(clock.instant())) {
            return "account locked";
        }
        if (account.enrolment == Enrolment.ENROLLED) {
            return "2FA already set up";
        }
        if (account.email == null) {
            return "no registered e-mail address";
        }
        return null;
    }

    private static PasswordPolicy.Context contextOf(Account account) {
        return new PasswordPolicy.Context(account.userId, account.displayName, account.email);
    }

    private Initiation activatedInitiation(String initiationId) {
        Initiation initiation = find(initiationId);
        if (!initiation.activated()) {
            throw outOfOrder("Prove the activation code sent to your registered e-mail address first.");
        }
        return initiation;
    }

    private Initiation find(String initiationId) {
        return initiations.find(initiationId).orElseThrow(InitiationService::invalid);
    }

    private void abandon(Initiation initiation) {
        initiations.consume(initiation.id());
        otp.cancel(initiation.id());
        if (initiation.mobileProofId() != null) {
            otp.cancel(initiation.mobileProofId());
        }
    }

    private Duration remaining(Initiation initiation) {
        return until(initiation.completeBy());
    }

    private Duration until(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw invalid();
        }
        return left;
    }

    private static CodeSent withId(CodeSent sent, String initiationId) {
        return new CodeSent(initiationId, sent.channel(), sent.maskedDestination(), sent.expiresAt(), sent.resendAvailableAt(),
                sent.codeLength());
    }

    private static ProblemException notReady() {
        return new ProblemException(AuthProblemType.NOT_READY_FOR_TWO_FACTOR,
                "This account is not ready for 2FA set-up. If you have not set up 2FA yet, ask your Delegated Administrator "
                        + "to register your e-mail address; if you have, sign in with your password and OTP, or ask your "
                        + "Delegated Administrator to reset your 2FA.");
    }

    private static ProblemException invalid() {
        return new ProblemException(AuthProblemType.INITIATION_INVALID,
                "This 2FA set-up has expired or was ended; start again with your user ID.");
    }

    private static ProblemException outOfOrder(String detail) {
        return new ProblemException(AuthProblemType.INITIATION_STEP_OUT_OF_ORDER, detail);
    }
}
