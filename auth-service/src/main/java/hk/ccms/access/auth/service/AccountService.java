package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AccountType;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Changes people make to their own account, and operators' account controls. */
@ApplicationScoped
public class AccountService {

    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Lockout lockout;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final AccountChanges changes;
    private final Clock clock;

    public AccountService(Passwords passwords, PasswordPolicy policy, Lockout lockout, SessionStore sessions,
                          AuditTrail audit, AccountChanges changes, Clock clock) {
        this.passwords = passwords;
        this.policy = policy;
        this.lockout = lockout;
        this.sessions = sessions;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The logged-in person proves the current password and sets a new one; every other session of
     * the account ends, so a stolen session does not survive the change.
     */
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        Account account = existing(caller.userId());
        if (!passwords.matches(currentPassword, account.passwordHash)) {
            if (lockout.countFailure(account, AuditAction.PASSWORD_CHANGED, caller.userId(), "current password wrong")) {
                sessions.closeAll(account.id);
            }
            throw new ProblemException(AuthProblemType.CURRENT_PASSWORD_WRONG, "The current password is not correct.");
        }
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
