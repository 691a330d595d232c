package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.Enrolment;
import hk.ccms.access.auth.domain.Notification;
import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Objects;

/**
 * The changes to a person's contact details and 2FA set-up, whoever makes them (the person, a
 * Delegated Administrator, or two of them under maker-checker). Each runs in one transaction with
 * the e-mails that tell the person about it, so neither is ever committed without the other.
 */
@ApplicationScoped
public class AccountChanges {

    private final AccountNotifications notifications;
    private final Clock clock;

    public AccountChanges(AccountNotifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The new address and, when there was one, the old address are both told. */
    @Transactional
    public Account changeEmail(long accountId, String newEmail) {
        Account account = locked(accountId);
        String previous = account.email;
        if (Objects.equals(previous, newEmail)) {
            return account;
        }
        account.email = newEmail;
        touch(account);
        notifications.notify(account, Notification.Kind.EMAIL_CHANGED_NEW_ADDRESS, newEmail, null);
        if (previous != null) {
            notifications.notify(account, Notification.Kind.EMAIL_CHANGED_OLD_ADDRESS, previous, newEmail);
        }
        return account;
    }

    @Transactional
    public Account changeMobile(long accountId, String newMobile) {
        Account account = locked(accountId);
        if (Objects.equals(account.mobile, newMobile)) {
            return account;
        }
        if (account.otpChannel == OtpChannel.SMS && account.enrolment == Enrolment.ENROLLED) {
            throw new ProblemException(AuthProblemType.MOBILE_IS_OTP_CHANNEL,
                    "This user receives one-time passwords on the registered mobile, which only the user can change "
                            + "by proving the new number; reset the user's 2FA instead.");
        }
        account.mobile = newMobile;
        touch(account);
        notifications.notify(account, Notification.Kind.MOBILE_CHANGED, newMobile);
        return account;
    }

    /** Clears a lock from failed attempts (and the count towards the next one). */
    @Transactional
    public Account unlock(long accountId) {
        Account account = locked(accountId);
        account.failedAttempts = 0;
        account.lockedUntil = null;
        touch(account);
        return account;
    }

    /** Back to "not initiated": no password, no channel, no lock; the person sets 2FA up again. */
    @Transactional
    public Account resetTwoFactor(long accountId) {
        Account account = locked(accountId);
        account.enrolment = Enrolment.NOT_INITIATED;
        account.otpChannel = null;
        account.passwordHash = null;
        account.failedAttempts = 0;
        account.lockedUntil = null;
        touch(account);
        notifications.notify(account, Notification.Kind.TWO_FACTOR_RESET, null);
        return account;
    }

    /**
     * Completes a 2FA set-up, provided the account is still in the state the activation code was
     * sent for (not enrolled meanwhile, same registered address).
     */
    @Transactional
    public Account enrol(long accountId, String activationEmail, String passwordHash, OtpChannel channel, String provenMobile) {
        Account account = locked(accountId);
        if (account.enrolment != Enrolment.NOT_INITIATED || !Objects.equals(account.email, activationEmail)) {
            throw new ProblemException(AuthProblemType.ACCOUNT_CHANGED,
                    "The account changed while 2FA was being set up; start the set-up again.");
        }
        String previousMobile = account.mobile;
        account.passwordHash = passwordHash;
        account.otpChannel = channel;
        account.enrolment = Enrolment.ENROLLED;
        if (channel == OtpChannel.SMS) {
            account.mobile = provenMobile;
        }
        touch(account);
        notifications.notify(account, Notification.Kind.TWO_FACTOR_SET_UP, channel.name());
        if (!Objects.equals(previousMobile, account.mobile)) {
            notifications.notify(account, Notification.Kind.MOBILE_CHANGED, account.mobile);
        }
        return account;
    }

    /**
     * The person's own switch of OTP channel: to e-mail (the registered address), or to SMS on a
     * number just proven with a code sent to it.
     */
    @Transactional
    public Account changeChannel(long accountId, OtpChannel channel, String provenMobile) {
        Account account = locked(accountId);
        if (channel == OtpChannel.EMAIL && account.email == null) {
            throw new ProblemException(AuthProblemType.NOT_READY_FOR_TWO_FACTOR,
                    "E-mail one-time passwords need a registered e-mail address; ask your Delegated Administrator to register one.");
        }
        String previousMobile = account.mobile;
        OtpChannel previousChannel = account.otpChannel;
        account.otpChannel = channel;
        if (channel == OtpChannel.SMS) {
            account.mobile = provenMobile;
        }
        touch(account);
        if (previousChannel != channel) {
            notifications.notify(account, Notification.Kind.OTP_CHANNEL_CHANGED, channel.name());
        }
        if (!Objects.equals(previousMobile, account.mobile)) {
            notifications.notify(account, Notification.Kind.MOBILE_CHANGED, account.mobile);
        }
        return account;
    }

    /** A new password for an enrolled account, if nobody changed the account since {@code expectedVersion}. */
    @Transactional
    public void changePassword(long accountId, long expectedVersion, String passwordHash) {
        Account account = locked(accountId);
        if (account.version != expectedVersion) {
            throw new ProblemException(AuthProblemType.ACCOUNT_CHANGED,
                    "The account changed while the password was being set; try again.");
        }
        account.passwordHash = passwordHash;
        touch(account);
        notifications.notify(account, Notification.Kind.PASSWORD_CHANGED, null);
    }

    /** Row lock: two administrators, or an administrator and the person, change one account one after the other. */
    private static Account locked(long accountId) {
        Account account = Account.findById(accountId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new ProblemException(AuthProblemType.ACCOUNT_NOT_FOUND, "No account has this user ID.");
        }
        return account;
    }

    private void touch(Account account) {
        account.updatedAt = clock.instant();
    }
}
