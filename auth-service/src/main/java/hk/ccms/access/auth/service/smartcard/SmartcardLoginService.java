package hk.ccms.access.auth.service.smartcard;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.AuditTrail;
import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.auth.service.CutoverPolicies;
import hk.ccms.access.auth.service.LoginService;
import hk.ccms.access.auth.service.LoginSessions;
import hk.ccms.access.auth.service.Lockout;
import hk.ccms.access.auth.service.Passwords;
import hk.ccms.access.auth.service.SecureIds;
import hk.ccms.access.auth.service.TokenIssuer;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Login with smartcard + password. The card proves possession of its key either by signing a
 * one-time challenge or through the TLS handshake (mTLS); its certificate must be a valid card of
 * the clearing house registered to the account, and the password must match. Whatever fails, the
 * person gets the one "sign-in failed" answer after the same hashing work; the audit trail says
 * which factor it was. Allowed only while the cut-over policy allows smartcard login.
 */
@ApplicationScoped
public class SmartcardLoginService {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> PASSWORD_AND_SMARTCARD = List.of("pwd", "sc");
    private static final int CHALLENGE_BYTES = 32;

    private final SmartcardChallengeStore challenges;
    private final CardCertificateValidator validator;
    private final CardRegistry registry;
    private final Passwords passwords;
    private final Lockout lockout;
    private final CutoverPolicies cutover;
    private final LoginSessions sessions;
    private final AuditTrail audit;
    private final SecureIds ids;
    private final AuthConfig.Smartcard config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SmartcardLoginService(SmartcardChallengeStore challenges, CardCertificateValidator validator, CardRegistry registry,
                                 Passwords passwords, Lockout lockout, CutoverPolicies cutover, LoginSessions sessions,
                                 AuditTrail audit, SecureIds ids, AuthConfig config, Clock clock) {
        this.challenges = challenges;
        this.validator = validator;
        this.registry = registry;
        this.passwords = passwords;
        this.lockout = lockout;
        this.cutover = cutover;
        this.sessions = sessions;
        this.audit = audit;
        this.ids = ids;
        this.config = config.smartcard();
        this.clock = clock;
    }

    /** What the card is to prove: the presented certificates, and (unless TLS proved it) a signature over a challenge. */
    public record CardProof(List<String> certificateChain, String challengeId, CardSignatures algorithm, String signature) {
    }

    public SmartcardChallenge challenge() {
        requireConfigured();
        byte[] value = new byte[CHALLENGE_BYTES];
        random.nextBytes(value);
        SmartcardChallenge challenge = new SmartcardChallenge(ids.next(), Base64.getUrlEncoder().withoutPadding().encodeToString(value),
                clock.instant().plus(config.challengeTtl()));
        challenges.save(challenge.challengeId(), challenge, config.challengeTtl());
        return challenge;
    }

    /** Challenge–response: the card signed {@link CardSignatures#signedMessage} for a challenge of ours. */
    public TokenIssuer.IssuedToken login(String userId, String password, PortalFunction function, CardProof proof) {
        cutover.requireSmartcardAllowed(function);
        requireConfigured();
        SmartcardChallenge challenge = challenges.take(proof.challengeId())
                .filter(taken -> taken.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new ProblemException(AuthProblemType.CHALLENGE_INVALID,
                        "The challenge has expired or was already used; ask for a new one."));
        return authenticate(userId, password, function, chainOf(proof.certificateChain()), card -> {
            if (proof.algorithm() == null || !proof.algorithm().verifies(card.getPublicKey(),
                    CardSignatures.signedMessage(challenge.challengeId(), challenge.challenge()), decode(proof.signature()))) {
                throw new CardRefusedException(CardRefusedException.Reason.BAD_SIGNATURE);
            }
        }, "");
    }

    /** mTLS: the TLS handshake already proved the card holds the key of the presented certificate. */
    public TokenIssuer.IssuedToken loginWithTlsCertificate(String userId, String password, PortalFunction function,
                                                           List<X509Certificate> handshakeChain) {
        cutover.requireSmartcardAllowed(function);
        requireConfigured();
        if (handshakeChain.isEmpty()) {
            throw new ProblemException(AuthProblemType.CLIENT_CERTIFICATE_REQUIRED,
                    "Present your card as the TLS client certificate, or use the challenge login.");
        }
        return authenticate(userId, password, function, () -> handshakeChain, card -> {
            // the TLS handshake proved possession of the card's key
        }, " (TLS client certificate)");
    }

    /** The presented chain, or why it cannot be read. */
    private interface PresentedChain {
        List<X509Certificate> read() throws CardRefusedException;
    }

    /** The proof that the presenter holds the card's key. */
    private interface Possession {
        void check(X509Certificate card) throws CardRefusedException;
    }

    private TokenIssuer.IssuedToken authenticate(String userId, String password, PortalFunction function, PresentedChain chain,
                                                 Possession possession, String how) {
        Account account = Account.findByUserId(userId).orElse(null);
        boolean passwordMatches = passwords.matches(password, account == null ? null : account.passwordHash);
        if (account == null) {
            audit.record(AuditAction.LOGIN_SMARTCARD, ANONYMOUS, Account.canonicalUserId(userId), null, Result.FAILURE, "unknown user");
            throw loginFailed();
        }
        Instant now = clock.instant();
        if (account.status != AccountStatus.ACTIVE || account.isLockedAt(now)) {
            audit.record(AuditAction.LOGIN_SMARTCARD, ANONYMOUS, account, Result.FAILURE,
                    account.status != AccountStatus.ACTIVE ? "account disabled" : "account locked");
            throw loginFailed();
        }
        String cardRefusal = cardRefusal(account, chain, possession, now);
        if (cardRefusal != null || !passwordMatches) {
            lockout.countFailure(account, AuditAction.LOGIN_SMARTCARD, cardRefusal != null ? cardRefusal : "wrong password");
            throw loginFailed();
        }
        if (!function.isAvailableTo(account.type)) {
            audit.record(AuditAction.LOGIN_SMARTCARD, account.userId, account, Result.FAILURE, "function not permitted: " + function);
            throw new ProblemException(AuthProblemType.FUNCTION_NOT_PERMITTED, "This account cannot sign in to " + function + ".");
        }
        if (account.failedAttempts != 0 || account.lockedUntil != null) {
            lockout.reset(account.id);
        }
        TokenIssuer.IssuedToken token = sessions.open(account, function, PASSWORD_AND_SMARTCARD);
        audit.record(AuditAction.LOGIN_SMARTCARD, account.userId, account, Result.SUCCESS,
                "signed in to " + function + " with pwd+sc" + how);
        return token;
    }

    /** Null when the card is a valid card of this account and (where required) signed our challenge; else why not. */
    private String cardRefusal(Account account, PresentedChain chain, Possession possession, Instant now) {
        try {
            X509Certificate card = validator.validate(chain.read(), now);
            if (!registry.accountOf(card).map(owner -> owner == account.id).orElse(false)) {
                throw new CardRefusedException(CardRefusedException.Reason.NOT_REGISTERED);
            }
            possession.check(card);
            return null;
        } catch (CardRefusedException refused) {
            return refused.reason().audit();
        }
    }

    private void requireConfigured() {
        if (!validator.configured()) {
            throw new ProblemException(AuthProblemType.SMARTCARD_NOT_CONFIGURED,
                    "Smartcard login is not configured at this data centre (no trust anchors).");
        }
    }

    private static byte[] decode(String base64) throws CardRefusedException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException unreadable) {
            throw new CardRefusedException(CardRefusedException.Reason.BAD_SIGNATURE);
        }
    }

    private static PresentedChain chainOf(List<String> base64Der) {
        return () -> CardCertificates.chain(base64Der == null ? List.of() : base64Der);
    }

    private static ProblemException loginFailed() {
        return LoginService.loginFailed();
    }
}
