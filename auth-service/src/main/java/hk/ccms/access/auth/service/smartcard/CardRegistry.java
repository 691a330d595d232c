package hk.ccms.access.auth.service.smartcard;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.CardCertificate;
import hk.ccms.access.auth.service.AuditTrail;
import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which card belongs to which account. Operators (or the card issuer's provisioning) register,
 * replace and revoke a card; each change is audited and counts as a change of the account (its
 * version moves). An account has at most one active card, and a card at most one account.
 */
@ApplicationScoped
public class CardRegistry {

    private final CardCertificateValidator validator;
    private final AuditTrail audit;
    private final Clock clock;

    public CardRegistry(CardCertificateValidator validator, AuditTrail audit, Clock clock) {
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    public record CardView(long id, String issuer, String serialNumber, String subject, String sha256Fingerprint, Instant notAfter,
                           CardCertificate.Status status, String registeredBy, Instant registeredAt, String revokedBy, Instant revokedAt) {
        static CardView of(CardCertificate card) {
            return new CardView(card.id, card.issuerDn, card.serialNumber, card.subjectDn, card.sha256Fingerprint, card.notAfter,
                    card.status, card.registeredBy, card.registeredAt, card.revokedBy, card.revokedAt);
        }
    }

    /** The account a valid card is registered to, if any. */
    public Optional<Long> accountOf(X509Certificate card) {
        return CardCertificate.active(CardCertificates.issuer(card), CardCertificates.serial(card)).map(found -> found.accountId);
    }

    public List<CardView> cards(String userId) {
        Account account = existing(userId);
        return CardCertificate.<CardCertificate>list("accountId = ?1 order by id", account.id).stream().map(CardView::of).toList();
    }

    /** Registers a valid card for an account; {@code replace} revokes the account's current card in the same step. */
    public CardView register(String actor, String userId, String certificate, boolean replace) {
        Account account = existing(userId);
        X509Certificate card;
        try {
            card = validator.validate(CardCertificates.parse(certificate), clock.instant());
        } catch (CardRefusedException refused) {
            audit.record(AuditAction.CARD_REGISTERED, actor, account, Result.FAILURE, refused.reason().audit());
            throw new ProblemException(AuthProblemType.CARD_NOT_VALID, "The certificate is not a valid card: " + refused.reason().audit() + ".");
        }
        CardView registered = store(actor, account.id, card, replace);
        audit.record(AuditAction.CARD_REGISTERED, actor, account, Result.SUCCESS,
                (replace ? "replacing the previous card; " : "") + "serial " + registered.serialNumber());
        return registered;
    }

    public CardView revoke(String actor, String userId, long cardId) {
        Account account = existing(userId);
        CardView revoked = markRevoked(actor, account.id, cardId);
        audit.record(AuditAction.CARD_REVOKED, actor, account, Result.SUCCESS, "serial " + revoked.serialNumber());
        return revoked;
    }

    @Transactional
    CardView store(String actor, long accountId, X509Certificate certificate, boolean replace) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        CardCertificate current = CardCertificate.activeFor(accountId).orElse(null);
        if (current != null && !replace) {
            throw new ProblemException(AuthProblemType.CARD_ALREADY_REGISTERED,
                    "The account already has an active card; replace it or revoke it first.");
        }
        if (CardCertificate.active(CardCertificates.issuer(certificate), CardCertificates.serial(certificate))
                .filter(other -> other.accountId != accountId).isPresent()) {
            throw new ProblemException(AuthProblemType.CARD_ALREADY_REGISTERED, "This card is registered to another account.");
        }
        if (current != null) {
            current.status = CardCertificate.Status.REVOKED;
            current.revokedBy = actor;
            current.revokedAt = now;
            CardCertificate.flush();
        }
        CardCertificate card = new CardCertificate();
        card.accountId = accountId;
        card.issuerDn = CardCertificates.issuer(certificate);
        card.serialNumber = CardCertificates.serial(certificate);
        card.subjectDn = certificate.getSubjectX500Principal().getName();
        card.sha256Fingerprint = CardCertificates.fingerprint(certificate);
        card.notAfter = certificate.getNotAfter().toInstant();
        card.status = CardCertificate.Status.ACTIVE;
        card.registeredBy = actor;
        card.registeredAt = now;
        card.persist();
        account.updatedAt = now;
        return CardView.of(card);
    }

    @Transactional
    CardView markRevoked(String actor, long accountId, long cardId) {
        CardCertificate card = CardCertificate.findById(cardId, LockModeType.PESSIMISTIC_WRITE);
        if (card == null || card.accountId != accountId) {
            throw new ProblemException(AuthProblemType.CARD_NOT_FOUND, "The account has no card with this id.");
        }
        if (card.status == CardCertificate.Status.ACTIVE) {
            Instant now = clock.instant();
            card.status = CardCertificate.Status.REVOKED;
            card.revokedBy = actor;
            card.revokedAt = now;
            Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
            account.updatedAt = now;
        }
        return CardView.of(card);
    }

    private static Account existing(String userId) {
        return Account.findByUserId(userId).orElseThrow(() ->
                new ProblemException(AuthProblemType.ACCOUNT_NOT_FOUND, "No account has this user ID."));
    }
}
