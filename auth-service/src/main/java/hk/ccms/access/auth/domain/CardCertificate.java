package hk.ccms.access.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A smartcard's certificate registered to an account; issuer + serial number identify it. */
@Entity
@Table(name = "card_certificate")
public class CardCertificate extends PanacheEntityBase {

    public enum Status { ACTIVE, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    /** RFC 2253 canonical form, so that equal names compare equal. */
    @Column(name = "issuer_dn", nullable = false, updatable = false)
    public String issuerDn;

    /** Lower-case hexadecimal. */
    @Column(name = "serial_number", nullable = false, updatable = false)
    public String serialNumber;

    @Column(name = "subject_dn", nullable = false, updatable = false)
    public String subjectDn;

    @Column(name = "sha256_fingerprint", nullable = false, updatable = false)
    public String sha256Fingerprint;

    @Column(name = "not_after", nullable = false, updatable = false)
    public Instant notAfter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "registered_by", nullable = false, updatable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<CardCertificate> active(String issuerDn, String serialNumber) {
        return find("issuerDn = ?1 and serialNumber = ?2 and status = ?3", issuerDn, serialNumber, Status.ACTIVE).firstResultOptional();
    }

    public static Optional<CardCertificate> activeFor(long accountId) {
        return find("accountId = ?1 and status = ?2", accountId, Status.ACTIVE).firstResultOptional();
    }
}
