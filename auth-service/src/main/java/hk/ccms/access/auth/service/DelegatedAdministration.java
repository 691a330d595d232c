package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AccountType;
import hk.ccms.access.auth.domain.AdminRequest;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.Enrolment;
import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.auth.domain.ParticipantPolicy;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Delegated Administrator (DA) may do in DMS, always within the DA's own participant: see
 * its users' 2FA readiness, register their e-mail and mobile, unlock them, and reset their 2FA.
 * E-mail changes and 2FA resets need a second DA of the participant (maker-checker) unless the
 * participant switched that off. A DA never sets or sees a password or a code, never acts on its
 * own account, and gets "not found" for any account or request of another participant.
 */
@ApplicationScoped
public class DelegatedAdministration {

    private final AccountChanges changes;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final AuthConfig.Administration config;
    private final Clock clock;

    public DelegatedAdministration(AccountChanges changes, SessionStore sessions, AuditTrail audit,
                                   AuthConfig config, Clock clock) {
        this.changes = changes;
        this.sessions = sessions;
        this.audit = audit;
        this.config = config.administration();
        this.clock = clock;
    }

    /** Where a user stands on the way to 2FA. */
    public enum Readiness { NO_EMAIL, READY_TO_INITIATE, ENROLLED }

    public record UserView(String userId, String displayName, AccountType type, AccountStatus status, String email,
                           String mobile, Readiness readiness, OtpChannel otpChannel, boolean locked, Instant lockedUntil) {
        static UserView of(Account account, Instant now) {
            Readiness readiness = account.enrolment == Enrolment.ENROLLED ? Readiness.ENROLLED
                    : account.email == null ? Readiness.NO_EMAIL : Readiness.READY_TO_INITIATE;
            boolean locked = account.isLockedAt(now);
            return new UserView(account.userId, account.displayName, account.type, account.status, account.email,
                    account.mobile, readiness, account.otpChannel, locked, locked ? account.lockedUntil : null);
        }
    }

    public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
        static <T> PageOf<T> of(List<T> items, int page, int size, long totalItems) {
            return new PageOf<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
        }
    }

    /** How far the participant is with the migration: {@code withoutEmail} users cannot start 2FA at all yet. */
    public record ReadinessSummary(String participantId, long users, long enrolled, long readyToInitiate, long withoutEmail,
                                   long notYetMigrated, long locked, long disabled) {
    }

    public record RequestView(long id, AdminRequest.Kind kind, String userId, String newEmail, AdminRequest.Status status,
                              String requestedBy, Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt) {
        static RequestView of(AdminRequest request, Instant now) {
            AdminRequest.Status status = request.status == AdminRequest.Status.PENDING && !request.isOpenAt(now)
                    ? AdminRequest.Status.EXPIRED : request.status;
            return new RequestView(request.id, request.kind, request.userId, request.newEmail, status, request.requestedBy,
                    request.requestedAt, request.expiresAt, request.decidedBy, request.decidedAt);
        }
    }

    /** APPLIED at once, or PENDING_APPROVAL by a second DA (then {@code request} says which). */
    public record Outcome(String outcome, UserView user, RequestView request) {
        static Outcome applied(UserView user) {
            return new Outcome("APPLIED", user, null);
        }

        static Outcome pending(RequestView request) {
            return new Outcome("PENDING_APPROVAL", null, request);
        }
    }

    public PageOf<UserView> users(Caller da, Readiness readiness, Boolean locked, String userIdPrefix, int page, int size) {
        checkPage(page, size);
        Instant now = clock.instant();
        StringBuilder query = new StringBuilder("participantId = :participant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("participant", da.participantId());
        if (readiness != null) {
            query.append(switch (readiness) {
                case NO_EMAIL -> " and enrolment = :notInitiated and email is null";
                case READY_TO_INITIATE -> " and enrolment = :notInitiated and email is not null";
                case ENROLLED -> " and enrolment = :enrolled";
            });
            if (readiness == Readiness.ENROLLED) {
                parameters.put("enrolled", Enrolment.ENROLLED);
            } else {
                parameters.put("notInitiated", Enrolment.NOT_INITIATED);
            }
        }
        if (locked != null) {
            query.append(locked ? " and lockedUntil > :now" : " and (lockedUntil is null or lockedUntil <= :now)");
            parameters.put("now", now);
        }
        if (userIdPrefix != null && !userIdPrefix.isEmpty()) {
            // '_' is a LIKE wildcard and may appear in user IDs: match it literally.
            query.append(" and userId like :prefix escape '!'");
            parameters.put("prefix", Account.canonicalUserId(userIdPrefix).replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%");
        }
        PanacheQuery<Account> accounts = Account.find(query.toString(), Sort.by("userId"), parameters).page(Page.of(page, size));
        List<UserView> items = new ArrayList<>();
        for (Account account : accounts.list()) {
            items.add(UserView.of(account, now));
        }
        long total = accounts.count();
        return PageOf.of(items, page, size, total);
    }

    public ReadinessSummary summary(Caller da) {
        Object[] counts = (Object[]) Account.getEntityManager().createNativeQuery("""
                        select count(*),
                               count(*) filter (where enrolment = 'ENROLLED'),
                               count(*) filter (where enrolment = 'NOT_INITIATED' and email is not null),
                               count(*) filter (where enrolment = 'NOT_INITIATED' and email is null),
                               count(*) filter (where locked_until > ?2),
                               count(*) filter (where status = 'DISABLED')
                        from account where participant_id = ?1""")
                .setParameter(1, da.participantId())
                .setParameter(2, clock.instant())
                .getSingleResult();
        long enrolled = count(counts[1]);
        long ready = count(counts[2]);
        long withoutEmail = count(counts[3]);
        return new ReadinessSummary(da.participantId(), count(counts[0]), enrolled, ready, withoutEmail, ready + withoutEmail,
                count(counts[4]), count(counts[5]));
    }

    public UserView user(Caller da, String userId) {
        return UserView.of(target(da, userId, null), clock.instant());
    }

    public Outcome changeEmail(Caller da, String userId, String email) {
        Account target = target(da, userId, AuditAction.EMAIL_CHANGED);
        if (ParticipantPolicy.makerCheckerRequired(da.participantId())) {
            return Outcome.pending(request(da, target, AdminRequest.Kind.EMAIL_CHANGE, email));
        }
        Account changed = changes.changeEmail(target.id, email);
        audit.record(AuditAction.EMAIL_CHANGED, da.userId(), changed, Result.SUCCESS, "by DA, maker-checker off for participant");
        return Outcome.applied(UserView.of(changed, clock.instant()));
    }

    public UserView changeMobile(Caller da, String userId, String mobile) {
        Account target = target(da, userId, AuditAction.MOBILE_CHANGED);
        Account changed;
        try {
            changed = changes.changeMobile(target.id, mobile);
        } catch (ProblemException refused) {
            audit.record(AuditAction.MOBILE_CHANGED, da.userId(), target, Result.FAILURE, "mobile is the user's proven OTP channel");
            throw refused;
        }
        audit.record(AuditAction.MOBILE_CHANGED, da.userId(), changed, Result.SUCCESS, "by DA");
        return UserView.of(changed, clock.instant());
    }

    public UserView unlock(Caller da, String userId) {
        Account target = target(da, userId, AuditAction.ACCOUNT_UNLOCKED);
        Account unlocked = changes.unlock(target.id);
        audit.record(AuditAction.ACCOUNT_UNLOCKED, da.userId(), unlocked, Result.SUCCESS, "by DA");
        return UserView.of(unlocked, clock.instant());
    }

    public Outcome resetTwoFactor(Caller da, String userId) {
        Account target = target(da, userId, AuditAction.TWO_FACTOR_RESET);
        if (ParticipantPolicy.makerCheckerRequired(da.participantId())) {
            return Outcome.pending(request(da, target, AdminRequest.Kind.TWO_FACTOR_RESET, null));
        }
        Account reset = changes.resetTwoFactor(target.id);
        int closed = sessions.closeAll(reset.id);
        audit.record(AuditAction.TWO_FACTOR_RESET, da.userId(), reset, Result.SUCCESS,
                "by DA, maker-checker off for participant; " + closed + " session(s) revoked");
        return Outcome.applied(UserView.of(reset, clock.instant()));
    }

    public PageOf<RequestView> requests(Caller da, AdminRequest.Status status, int page, int size) {
        checkPage(page, size);
        Instant now = clock.instant();
        PanacheQuery<AdminRequest> requests = status == null
                ? AdminRequest.find("participantId", Sort.by("requestedAt").descending(), da.participantId())
                : switch (status) {
                    case PENDING -> AdminRequest.find("participantId = ?1 and status = ?2 and expiresAt > ?3",
                            Sort.by("requestedAt").descending(), da.participantId(), AdminRequest.Status.PENDING, now);
                    case EXPIRED -> AdminRequest.find("participantId = ?1 and (status = ?2 or (status = ?3 and expiresAt <= ?4))",
                            Sort.by("requestedAt").descending(), da.participantId(), AdminRequest.Status.EXPIRED,
                            AdminRequest.Status.PENDING, now);
                    default -> AdminRequest.find("participantId = ?1 and status = ?2", Sort.by("requestedAt").descending(),
                            da.participantId(), status);
                };
        requests.page(Page.of(page, size));
        List<RequestView> items = requests.list().stream().map(request -> RequestView.of(request, now)).toList();
        long total = requests.count();
        return PageOf.of(items, page, size, total);
    }

    public RequestView request(Caller da, long requestId) {
        return RequestView.of(ownRequest(da, requestId), clock.instant());
    }

    /** The checker: a second DA of the participant, neither the maker nor the account concerned. */
    public RequestView approve(Caller da, long requestId) {
        Decision decision = decide(da, requestId, true);
        AdminRequest request = decision.request();
        Account target = decision.target();
        String detail = request.kind == AdminRequest.Kind.TWO_FACTOR_RESET
                ? sessions.closeAll(target.id) + " session(s) revoked" : "new e-mail registered";
        audit.recordDecision(AuditAction.ADMIN_REQUEST_APPROVED, da.userId(), request.requestedBy, target, Result.SUCCESS,
                "request " + request.id + " " + request.kind);
        audit.recordDecision(request.kind == AdminRequest.Kind.TWO_FACTOR_RESET ? AuditAction.TWO_FACTOR_RESET : AuditAction.EMAIL_CHANGED,
                da.userId(), request.requestedBy, target, Result.SUCCESS, detail);
        return RequestView.of(request, clock.instant());
    }

    /** Any DA of the participant may turn a request down; the maker withdraws it the same way. */
    public RequestView reject(Caller da, long requestId) {
        Decision decision = decide(da, requestId, false);
        audit.recordDecision(AuditAction.ADMIN_REQUEST_REJECTED, da.userId(), decision.request().requestedBy, decision.target(),
                Result.SUCCESS, "request " + requestId + " " + decision.request().kind);
        return RequestView.of(decision.request(), clock.instant());
    }

    private record Decision(AdminRequest request, Account target) {
    }

    @Transactional
    Decision decide(Caller da, long requestId, boolean approve) {
        AdminRequest request = AdminRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.participantId.equals(da.participantId())) {
            throw requestNotFound();
        }
        Account target = Account.findById(request.accountId);
        Instant now = clock.instant();
        if (!request.isOpenAt(now)) {
            throw new ProblemException(AuthProblemType.REQUEST_CLOSED, "This request was already decided or has expired.");
        }
        if (approve && request.requestedBy.equals(da.userId())) {
            audit.recordDecision(AuditAction.ADMIN_REQUEST_APPROVED, da.userId(), request.requestedBy, target, Result.FAILURE,
                    "the maker cannot approve its own request " + request.id);
            throw new ProblemException(AuthProblemType.MAKER_CANNOT_APPROVE,
                    "A second Delegated Administrator of the participant must approve this request.");
        }
        if (approve && target.userId.equals(da.userId())) {
            throw selfAdministration();
        }
        if (approve) {
            Account changed = request.kind == AdminRequest.Kind.TWO_FACTOR_RESET
                    ? changes.resetTwoFactor(target.id) : changes.changeEmail(target.id, request.newEmail);
            target = changed;
        }
        request.status = approve ? AdminRequest.Status.APPROVED : AdminRequest.Status.REJECTED;
        request.decidedBy = da.userId();
        request.decidedAt = now;
        return new Decision(request, target);
    }

    @Transactional
    RequestView request(Caller maker, Account target, AdminRequest.Kind kind, String newEmail) {
        Instant now = clock.instant();
        AdminRequest.update("status = ?1 where accountId = ?2 and kind = ?3 and status = ?4 and expiresAt <= ?5",
                AdminRequest.Status.EXPIRED, target.id, kind, AdminRequest.Status.PENDING, now);
        if (AdminRequest.count("accountId = ?1 and kind = ?2 and status = ?3", target.id, kind, AdminRequest.Status.PENDING) > 0) {
            throw requestPending();
        }
        AdminRequest request = new AdminRequest();
        request.participantId = maker.participantId();
        request.accountId = target.id;
        request.userId = target.userId;
        request.kind = kind;
        request.newEmail = newEmail;
        request.status = AdminRequest.Status.PENDING;
        request.requestedBy = maker.userId();
        request.requestedAt = now;
        request.expiresAt = now.plus(config.requestLifetime());
        request.persist();
        try {
            AdminRequest.flush();
        } catch (PersistenceException raced) {
            // another DA's request for the same account and kind committed first (unique pending index)
            throw requestPending();
        }
        audit.record(AuditAction.ADMIN_REQUEST_CREATED, maker.userId(), target, Result.SUCCESS,
                "request " + request.id + " " + kind + " waits for a second DA");
        return RequestView.of(request, now);
    }

    private AdminRequest ownRequest(Caller da, long requestId) {
        AdminRequest request = AdminRequest.findById(requestId);
        if (request == null || !request.participantId.equals(da.participantId())) {
            throw requestNotFound();
        }
        return request;
    }

    /**
     * An account of the DA's participant other than the DA's own. Anything else — another
     * participant's account, an operator, no account — is "not found", so a DA learns nothing
     * about accounts outside its participant.
     */
    private Account target(Caller da, String userId, AuditAction attempted) {
        Account account = Account.findByUserId(userId)
                .filter(found -> da.participantId() != null && da.participantId().equals(found.participantId))
                .orElse(null);
        if (account == null) {
            if (attempted != null) {
                audit.record(attempted, da.userId(), Account.canonicalUserId(userId), da.participantId(), Result.FAILURE,
                        "no such user in the DA's participant");
            }
            throw new ProblemException(AuthProblemType.ACCOUNT_NOT_FOUND, "Your participant has no user with this user ID.");
        }
        if (account.userId.equals(da.userId())) {
            if (attempted != null) {
                audit.record(attempted, da.userId(), account, Result.FAILURE, "DA tried to administer its own account");
            }
            throw selfAdministration();
        }
        return account;
    }

    private void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > config.maxPageSize()) {
            throw new ProblemException(CommonProblemType.VALIDATION_FAILED,
                    "page must be 0 or more and size between 1 and " + config.maxPageSize() + ".");
        }
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static ProblemException requestNotFound() {
        return new ProblemException(AuthProblemType.REQUEST_NOT_FOUND, "Your participant has no request with this id.");
    }

    private static ProblemException requestPending() {
        return new ProblemException(AuthProblemType.REQUEST_PENDING,
                "A request of this kind for this user is already waiting for approval; approve or reject it first.");
    }

    private static ProblemException selfAdministration() {
        return new ProblemException(AuthProblemType.SELF_ADMINISTRATION,
                "Delegated Administrators cannot administer their own account; ask another DA of your participant.");
    }
}
