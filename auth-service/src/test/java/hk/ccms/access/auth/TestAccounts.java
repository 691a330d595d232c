package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AccountType;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.Enrolment;
import hk.ccms.access.auth.domain.Notification;
import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.LoginSessions;
import hk.ccms.access.auth.service.Passwords;
import hk.ccms.access.auth.service.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates accounts straight in the database and opens real sessions for them. */
@ApplicationScoped
public class TestAccounts {

    public static final String PASSWORD = "Tide-Lantern-Orchid-42";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Passwords passwords;
    private final LoginSessions sessions;
    private final DataSource dataSource;

    public TestAccounts(Passwords passwords, LoginSessions sessions, DataSource dataSource) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.dataSource = dataSource;
    }

    public Account enrolledUser(String participant) {
        return create(AccountType.USER, participant, Enrolment.ENROLLED, passwords.hash(PASSWORD));
    }

    public Account notInitiatedUser(String participant) {
        return create(AccountType.USER, participant, Enrolment.NOT_INITIATED, passwords.hash(PASSWORD));
    }

    public Account delegatedAdministrator(String participant) {
        return create(AccountType.DA, participant, Enrolment.ENROLLED, passwords.hash(PASSWORD));
    }

    /** A participant of its own, so that a test's counts and lists are not disturbed by other tests. */
    public static String newParticipant() {
        return ("P" + UUID.randomUUID().toString().replace("-", "").substring(0, 9)).toUpperCase();
    }

    public Account userWithoutEmail(String participant) {
        Account account = notInitiatedUser(participant);
        setEmail(account.userId, null);
        return reload(account.userId);
    }

    @Transactional
    public void setEmail(String userId, String email) {
        Account.update("email = ?1 where userId = ?2", email, userId);
    }

    @Transactional
    public void useSmsChannel(String userId) {
        Account.update("otpChannel = ?1 where userId = ?2", OtpChannel.SMS, userId);
    }

    @Transactional
    public List<Notification> notifications(String userId) {
        return Notification.list("subjectUserId = ?1 order by id", userId);
    }

    public Account operator() {
        return create(AccountType.OPERATOR, null, Enrolment.ENROLLED, passwords.hash(PASSWORD));
    }

    public Account withHash(Enrolment enrolment, String hash) {
        return create(AccountType.USER, "CP0001", enrolment, hash);
    }

    @Transactional
    public Account create(AccountType type, String participant, Enrolment enrolment, String hash) {
        Account account = new Account();
        account.userId = ("T" + type.name().charAt(0) + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6)).toUpperCase();
        account.type = type;
        account.participantId = participant;
        account.displayName = "Test Person";
        account.status = AccountStatus.ACTIVE;
        account.email = account.userId.toLowerCase() + "@test.example";
        account.passwordHash = hash;
        account.enrolment = enrolment;
        account.otpChannel = enrolment == Enrolment.ENROLLED ? OtpChannel.EMAIL : null;
        account.createdAt = Instant.now();
        account.updatedAt = Instant.now();
        account.persist();
        return account;
    }

    /** A real session and token, as a completed login would produce. */
    public TokenIssuer.IssuedToken login(Account account, PortalFunction function) {
        return sessions.open(account, function, List.of("pwd", "otp"));
    }

    @Transactional
    public Account reload(String userId) {
        return Account.findByUserId(userId).orElseThrow();
    }

    @Transactional
    public List<AuditEvent> audit(String userId, AuditAction action) {
        return AuditEvent.list("subjectUserId = ?1 and action = ?2 order by id", userId, action);
    }

    @Transactional
    public List<AuditEvent> auditByAction(AuditAction action) {
        return AuditEvent.list("action = ?1 order by id", action);
    }

    @Transactional
    public void lock(String userId) {
        Account.update("lockedUntil = ?1 where userId = ?2", Instant.now().plusSeconds(3600), userId);
    }

    /** Clears the failed-attempt count and lock, as a successful sign-in does. */
    @Transactional
    public void unlockLocally(String userId) {
        Account.update("failedAttempts = 0, lockedUntil = null, version = version + 1 where userId = ?1", userId);
    }

    @Transactional
    public void setStatus(String userId, AccountStatus status) {
        Account.update("status = ?1 where userId = ?2", status, userId);
    }

    /** Tries to rewrite history behind the service's back; returns the database's answer. */
    public String tryToRewriteAudit(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update audit_event set result = 'SUCCESS' where subject_user_id = ?")) {
            update.setString(1, userId);
            return "updated " + update.executeUpdate();
        } catch (SQLException refused) {
            return refused.getMessage();
        }
    }
}
