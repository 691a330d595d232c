package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Queues the e-mails that tell a person their account changed. They are written in the
 * transaction of the change itself, so a change is never committed without its notification and
 * a notification never goes out for a change that rolled back; {@link NotificationDispatcher}
 * sends them afterwards and retries while the mail path is down.
 */
@ApplicationScoped
public class AccountNotifications {

    private final SecureIds ids;
    private final Clock clock;

    public AccountNotifications(SecureIds ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /** To the account's registered address, if it has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(Account account, Notification.Kind kind, String changedTo) {
        if (account.email != null) {
            notify(account, kind, account.email, changedTo);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(Account account, Notification.Kind kind, String recipient, String changedTo) {
        Instant now = clock.instant();
        Notification notification = new Notification();
        notification.notificationId = ids.next();
        notification.accountId = account.id;
        notification.subjectUserId = account.userId;
        notification.kind = kind;
        notification.recipient = recipient;
        notification.changedTo = changedTo;
        notification.occurredAt = now;
        notification.nextAttemptAt = now;
        notification.persist();
    }
}
