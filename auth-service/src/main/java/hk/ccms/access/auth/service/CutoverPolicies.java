package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.AccountType;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.CutoverPolicy;
import hk.ccms.access.auth.domain.CutoverWindow;
import hk.ccms.access.auth.domain.Portal;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dated cut-over from smartcard to OTP login, per portal and kind of account: the configured
 * defaults, overridden at run time by operators. Operators' own console is not part of the
 * cut-over (both ways stay open for them). Every login consults it, so the windows are cached for
 * {@link #CACHE_TTL}: an operator's change applies at once on the instance that took it and within
 * that time on the others.
 */
@ApplicationScoped
public class CutoverPolicies {

    /** The portal/role pairs the cut-over governs: participants' users on CCMS and their DAs on DMS. */
    public static final List<CutoverPolicy.Key> GOVERNED = List.of(
            new CutoverPolicy.Key(Portal.CCMS, AccountType.USER), new CutoverPolicy.Key(Portal.DMS, AccountType.DA));
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final DateTimeFormatter HONG_KONG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'HKT'").withZone(HONG_KONG);

    private record Cached(CutoverWindow window, Instant until) {
    }

    private final Map<CutoverPolicy.Key, Cached> cache = new ConcurrentHashMap<>();
    private final AuthConfig.Cutover defaults;
    private final AuditTrail audit;
    private final Clock clock;

    public CutoverPolicies(AuthConfig config, AuditTrail audit, Clock clock) {
        this.defaults = config.cutover();
        this.audit = audit;
        this.clock = clock;
    }

    /** One portal and role's dates, with their Hong Kong reading for people. */
    public record Entry(Portal portal, AccountType accountType, Instant smartcardUntil, String smartcardUntilHongKong,
                        Instant otpFrom, String otpFromHongKong, boolean smartcardAllowedNow, boolean otpAllowedNow) {
    }

    public void requireSmartcardAllowed(PortalFunction function) {
        if (!window(function).allowsSmartcardAt(clock.instant())) {
            throw new ProblemException(AuthProblemType.SMARTCARD_RETIRED,
                    "Smartcard login has been replaced by two-factor authentication; use \"Login with OTP\".");
        }
    }

    public void requireOtpAllowed(PortalFunction function) {
        CutoverWindow window = window(function);
        if (!window.allowsOtpAt(clock.instant())) {
            throw new ProblemException(AuthProblemType.OTP_NOT_YET_AVAILABLE,
                    "Login with OTP opens on " + HONG_KONG_TIME.format(window.otpFrom()) + "; until then use \"Login with Smartcard\".");
        }
    }

    public List<Entry> all() {
        Instant now = clock.instant();
        List<Entry> entries = new ArrayList<>();
        for (CutoverPolicy.Key key : GOVERNED) {
            entries.add(entry(key, window(key), now));
        }
        return entries;
    }

    public Entry set(Caller operator, Portal portal, AccountType accountType, Instant smartcardUntil, Instant otpFrom) {
        CutoverPolicy.Key key = new CutoverPolicy.Key(portal, accountType);
        if (!GOVERNED.contains(key)) {
            throw new ProblemException(AuthProblemType.CUTOVER_NOT_GOVERNED,
                    "The cut-over applies to users on CCMS and Delegated Administrators on DMS only.");
        }
        if (smartcardUntil != null && otpFrom != null && otpFrom.isAfter(smartcardUntil)) {
            throw new ProblemException(AuthProblemType.CUTOVER_GAP,
                    "OTP login must open no later than smartcard login closes, or nobody could log in in between.");
        }
        store(operator, key, smartcardUntil, otpFrom);
        cache.remove(key);
        audit.record(AuditAction.CUTOVER_POLICY_CHANGED, operator.userId(), null, null, Result.SUCCESS,
                portal + "/" + accountType + " smartcardUntil=" + smartcardUntil + " otpFrom=" + otpFrom);
        return entry(key, new CutoverWindow(smartcardUntil, otpFrom), clock.instant());
    }

    @Transactional
    void store(Caller operator, CutoverPolicy.Key key, Instant smartcardUntil, Instant otpFrom) {
        CutoverPolicy policy = CutoverPolicy.findById(key);
        if (policy == null) {
            policy = new CutoverPolicy();
            policy.key = key;
        }
        policy.smartcardUntil = smartcardUntil;
        policy.otpFrom = otpFrom;
        policy.updatedBy = operator.userId();
        policy.updatedAt = clock.instant();
        policy.persist();
    }

    private CutoverWindow window(PortalFunction function) {
        return window(new CutoverPolicy.Key(function.portal(), function.accountType()));
    }

    private CutoverWindow window(CutoverPolicy.Key key) {
        if (!GOVERNED.contains(key)) {
            return new CutoverWindow(null, null);
        }
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.window();
        }
        CutoverWindow window = stored(key);
        cache.put(key, new Cached(window, now.plus(CACHE_TTL)));
        return window;
    }

    private CutoverWindow stored(CutoverPolicy.Key key) {
        CutoverPolicy policy = CutoverPolicy.findById(key);
        return policy != null ? new CutoverWindow(policy.smartcardUntil, policy.otpFrom)
                : new CutoverWindow(defaults.smartcardUntil().orElse(null), defaults.otpFrom().orElse(null));
    }

    private static Entry entry(CutoverPolicy.Key key, CutoverWindow window, Instant now) {
        return new Entry(key.portal(), key.accountType(), window.smartcardUntil(), hongKong(window.smartcardUntil()),
                window.otpFrom(), hongKong(window.otpFrom()), window.allowsSmartcardAt(now), window.allowsOtpAt(now));
    }

    private static String hongKong(Instant instant) {
        return instant == null ? null : HONG_KONG_TIME.format(instant);
    }
}
