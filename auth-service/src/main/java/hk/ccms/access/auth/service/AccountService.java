package hk.ccms.access.auth.service;

import hk.ccms.access.auth.client.OtpGateway;
import hk.ccms.access.auth.client.OtpServiceClient;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AccountType;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;

/** Changes people make to their own account, and operators' account controls. */
@ApplicationScoped
public class AccountService {

    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Lockout lockout;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final AccountChanges changes;
    private final OtpGateway otp;
    private final ChannelChangeStore channelChanges;
    private final SecureIds ids;
    private final Clock clock;

    public AccountService(Passwords passwords, PasswordPolicy policy, Lockout lockout, SessionStore sessions,
                          AuditTrail audit, AccountChanges changes, OtpGateway otp, ChannelChangeStore channelChanges,
                          SecureIds ids, Clock clock) {
        this.passwords = passwords;
        this.policy = policy;
        this.lockout = lockout;
        this.sessions = sessions;
        this.audit = audit;
        this.changes = changes;
        this.otp = otp;
        this.channelChanges = channelChanges;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The logged-in person proves the current password and sets a new one; every other session of
     * the account ends, so a stolen session does not survive the change.
     */
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        Account account = existing(caller.userId());
        requireCurrentPassword(caller, account, currentPassword, AuditAction.PASSWORD_CHANGED);
        try {
            policy.check(newPassword, new PasswordPolicy.Context(account.userId, account.displayName, account.email));
        } catch (ProblemException refused) {
            audit.record(AuditAction.PASSWORD_CHANGED, caller.userId(), account, Result.FAILURE, "new password refused by policy");
            throw refused;
        }
        changes.changePassword(account.id, account.version, passwords.hash(newPassword));
        sessions.closeAllExcept(account.id, caller.sessionId());
        audit.record(AuditAction.PASSWORD_CHANGED, caller.userId(), account, Result.SUCCESS, null);
    }

    /**
     * First step of switching one's one-time passwords to SMS: a code goes to the new number, which
     * counts only once the code is proven in {@link #changeOtpChannel}.
     */
    public CodeSent sendMobileProof(Caller caller, String mobile) {
        Account account = existing(caller.userId());
        channelChanges.find(caller.sessionId()).ifPresent(previous -> otp.cancel(previous.proofId()));
        String proofId = ids.next();
        CodeSent sent = CodeSent.of(otp.sendCode(proofId, account.userId, OtpServiceClient.Purpose.MOBILE_PROOF,
                OtpChannel.SMS.name(), mobile));
        channelChanges.save(caller.sessionId(), new ChannelChange(account.id, mobile, proofId),
                Duration.between(clock.instant(), sent.expiresAt()));
        audit.record(AuditAction.MOBILE_PROOF_SENT, caller.userId(), account, Result.SUCCESS, "for a change of OTP channel");
        return sent;
    }

    /**
     * Switches the person's OTP channel after the current password is proven: to e-mail, or to SMS
     * with the code sent to the new number. Other sessions end, like after a password change.
     */
    public OtpChannel changeOtpChannel(Caller caller, String currentPassword, OtpChannel channel, String code) {
        Account account = existing(caller.userId());
        requireCurrentPassword(caller, account, currentPassword, AuditAction.OTP_CHANNEL_CHANGED);
        String provenMobile = channel == OtpChannel.SMS ? provenMobile(caller, account, code) : null;
        Account changed = changes.changeChannel(account.id, channel, provenMobile);
        sessions.closeAllExcept(account.id, caller.sessionId());
        audit.record(AuditAction.OTP_CHANNEL_CHANGED, caller.userId(), changed, Result.SUCCESS, "OTP channel " + channel);
        return changed.otpChannel;
    }

    private String provenMobile(Caller caller, Account account, String code) {
        ChannelChange pending = channelChanges.find(caller.sessionId()).filter(change -> change.accountId() == account.id)
                .orElseThrow(() -> new ProblemException(AuthProblemType.MOBILE_NOT_PROVEN,
                        "Send a code to the new mobile number first, then confirm the change with that code."));
        if (code == null) {
            throw new ProblemException(AuthProblemType.MOBILE_NOT_PROVEN, "Enter the code sent to the new mobile number.");
        }
        OtpServiceClient.Verification verification = otp.verify(pending.proofId(), account.userId, code);
        switch (verification.outcome()) {
            case ACCEPTED -> {
                channelChanges.consume(caller.sessionId());
                return pending.mobile();
            }
            case REJECTED -> {
                lockout.countFailure(account, AuditAction.MOBILE_PROOF_STEP, caller.userId(), "wrong code");
                throw OtpGateway.codeRejected(verification);
            }
            default -> {
                channelChanges.consume(caller.sessionId());
                lockout.countFailure(account, AuditAction.MOBILE_PROOF_STEP, caller.userId(), "code expired, used or exhausted");
                throw new ProblemException(AuthProblemType.MOBILE_NOT_PROVEN,
                        "The code has expired or was used up; send a new code to the mobile number.");
            }
        }
    }

    /** The signed-in person proves the current password again before changing how they sign in. */
    private void requireCurrentPassword(Caller caller, Account account, String currentPassword, AuditAction action) {
        if (!passwords.matches(currentPassword, account.passwordHash)) {
            if (lockout.countFailure(account, action, caller.userId(), "current password wrong")) {
                sessions.closeAll(account.id);
            }
            throw new ProblemException(AuthProblemType.CURRENT_PASSWORD_WRONG, "The current password is not correct.");
        }
    }

    /** Disables an account and ends its sessions at once. */
    public void disable(Caller operator, String userId) {
        Account account = setStatus(existing(userId), AccountStatus.DISABLED);
        int closed = sessions.closeAll(account.id);
        audit.record(AuditAction.ACCOUNT_DISABLED, operator.userId(), account, Result.SUCCESS, closed + " session(s) revoked");
    }

    public void enable(Caller operator, String userId) {
        Account account = setStatus(existing(userId), AccountStatus.ACTIVE);
        audit.record(AuditAction.ACCOUNT_ENABLED, operator.userId(), account, Result.SUCCESS, null);
    }

    @Transactional
    Account setStatus(Account detached, AccountStatus status) {
        Account account = Account.findById(detached.id);
        if (account.type == AccountType.OPERATOR && status == AccountStatus.DISABLED) {
            throw new ProblemException(CommonProblemType.FORBIDDEN, "Operator accounts are managed by the identity administrators.");
        }
        account.status = status;
        account.updatedAt = clock.instant();
        return account;
    }

    private static Account existing(String userId) {
        return Account.findByUserId(userId).orElseThrow(() ->
                new ProblemException(AuthProblemType.ACCOUNT_NOT_FOUND, "No account has this user ID."));
    }
}
