package hk.ccms.access.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A token signing key pair; the private half is only ever stored wrapped. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    @Column(nullable = false)
    public String algorithm;

    /** X.509 SubjectPublicKeyInfo (DER). */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    /** PKCS#8 private key, AES-256-GCM wrapped: 12-byte nonce followed by ciphertext and tag. */
    @Column(name = "wrapped_private_key", nullable = false)
    public byte[] wrappedPrivateKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    /** Keys of {@code algorithm} not retired, newest first. */
    public static List<SigningKey> active(String algorithm) {
        return list("retiredAt is null and algorithm = ?1 order by createdAt desc", algorithm);
    }
}
