package hk.ccms.access.auth.service.smartcard;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.service.smartcard.CardRefusedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

/**
 * Decides whether a presented card certificate chain is one of the clearing house's valid cards:
 * the JDK's PKIX validator against the configured trust anchors at the given instant (dates,
 * chain signatures, CA constraints, the required certificate policy), then revocation of every
 * certificate in the path from its issuer's CRL (no valid CRL, or a stale one, fails closed), and
 * the card's key usage (digitalSignature).
 */
@ApplicationScoped
public class CardCertificateValidator {

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;
    private final CrlStore crls;
    private final AuthConfig.Smartcard config;

    public CardCertificateValidator(AuthConfig config, CrlStore crls) {
        this.config = config.smartcard();
        this.crls = crls;
        this.anchors = loadCertificates(this.config.trustAnchors().orElse(List.of())).stream()
                .map(certificate -> new TrustAnchor(certificate, null)).collect(Collectors.toSet());
        this.intermediates = loadCertificates(this.config.intermediates().orElse(List.of()));
    }

    public boolean configured() {
        return !anchors.isEmpty();
    }

    /** Checks a chain (card first); returns the card certificate. */
    public X509Certificate validate(List<X509Certificate> chain, Instant now) throws CardRefusedException {
        if (chain.isEmpty()) {
            throw new CardRefusedException(Reason.MALFORMED_CHAIN);
        }
        List<X509Certificate> path = completed(withoutAnchors(chain));
        if (path.isEmpty()) {
            throw new CardRefusedException(Reason.UNTRUSTED);
        }
        PKIXCertPathValidatorResult result = pkix(path, now);
        checkRevocation(path, result.getTrustAnchor(), now);
        X509Certificate card = path.get(0);
        boolean[] keyUsage = card.getKeyUsage();
        if (keyUsage == null || !keyUsage[0]) {
            throw new CardRefusedException(Reason.KEY_USAGE);
        }
        return card;
    }

    private PKIXCertPathValidatorResult pkix(List<X509Certificate> path, Instant now) throws CardRefusedException {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(now));
            // Revocation is checked below against our own CRL store, with our staleness rule.
            parameters.setRevocationEnabled(false);
            config.requiredPolicy().ifPresent(policy -> {
                parameters.setInitialPolicies(Set.of(policy));
                parameters.setExplicitPolicyRequired(true);
            });
            return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException refused) {
            throw new CardRefusedException(reasonOf(refused));
        } catch (GeneralSecurityException unusable) {
            throw new CardRefusedException(Reason.UNTRUSTED);
        }
    }

    private static Reason reasonOf(CertPathValidatorException refused) {
        if (refused.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                || refused.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return Reason.EXPIRED;
        }
        if (refused.getReason() == PKIXReason.INVALID_POLICY) {
            return Reason.POLICY;
        }
        return Reason.UNTRUSTED;
    }

    private void checkRevocation(List<X509Certificate> path, TrustAnchor anchor, Instant now) throws CardRefusedException {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            PublicKey issuerKey = i + 1 < path.size() ? path.get(i + 1).getPublicKey() : anchor.getTrustedCert().getPublicKey();
            X509CRL crl = verifiedCrl(certificate, issuerKey);
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now) && config.failClosedOnStaleCrl()) {
                throw new CardRefusedException(Reason.CRL_STALE);
            }
            if (crl.isRevoked(certificate)) {
                throw new CardRefusedException(Reason.REVOKED);
            }
        }
    }

    /** The newest CRL of the certificate's issuer that really was signed by that issuer. */
    private X509CRL verifiedCrl(X509Certificate certificate, PublicKey issuerKey) throws CardRefusedException {
        for (X509CRL crl : crls.issuedBy(certificate.getIssuerX500Principal())) {
            try {
                crl.verify(issuerKey);
                return crl;
            } catch (GeneralSecurityException forged) {
                // not this issuer's: try the next one
            }
        }
        throw new CardRefusedException(Reason.REVOCATION_UNKNOWN);
    }

    /** A client may send the root too; the path to validate stops below the trust anchor. */
    private List<X509Certificate> withoutAnchors(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            boolean isAnchor = anchors.stream().anyMatch(anchor -> anchor.getTrustedCert().equals(certificate));
            if (!isAnchor) {
                path.add(certificate);
            }
        }
        return path;
    }

    /**
     * Appends the configured intermediate CA that issued the last certificate, as long as that is not
     * issued by a trust anchor; PKIX then checks every signature of the completed path.
     */
    private List<X509Certificate> completed(List<X509Certificate> path) {
        List<X509Certificate> completed = new ArrayList<>(path);
        for (int added = 0; !completed.isEmpty() && added < intermediates.size(); added++) {
            X500Principal issuer = completed.get(completed.size() - 1).getIssuerX500Principal();
            if (anchors.stream().anyMatch(anchor -> anchor.getTrustedCert().getSubjectX500Principal().equals(issuer))) {
                break;
            }
            Optional<X509Certificate> ca = intermediates.stream()
                    .filter(candidate -> candidate.getSubjectX500Principal().equals(issuer) && !completed.contains(candidate))
                    .findFirst();
            if (ca.isEmpty()) {
                break;
            }
            completed.add(ca.get());
        }
        return completed;
    }

    private static List<X509Certificate> loadCertificates(List<String> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    certificates.add((X509Certificate) certificate);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Smartcard CA certificates unreadable: " + file, e);
            }
        }
        return certificates;
    }
}
