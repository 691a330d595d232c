package hk.ccms.access.infra.pki;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's smartcard: its certificate, the chain it presents (leaf, then the card CA) and its private key, which
 * is null when the key lives on a token (a PKCS#11 card) and never leaves it.
 *
 * @param signatureAlgorithm the JCA signature the card makes ({@code SHA256withRSA} or {@code SHA256withECDSA})
 */
public record Card(String userId, X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey,
                   String signatureAlgorithm) {

    public Card {
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("A card's chain starts with its own certificate");
        }
    }

    public BigInteger serial() {
        return certificate.getSerialNumber();
    }

    public X509Certificate[] chainArray() {
        return chain.toArray(X509Certificate[]::new);
    }

    /** {@code <directory>/<USERID>.pem}: the chain, leaf first. */
    public static Path chainFile(Path directory, String userId) {
        return directory.resolve(userId + ".pem");
    }

    /** {@code <directory>/<USERID>.key.pem}: the private key (PKCS#8). */
    public static Path keyFile(Path directory, String userId) {
        return directory.resolve(userId + ".key.pem");
    }

    /** Writes the chain and, when the card has it in software, the private key, under the names above. */
    public void write(Path directory) {
        Pem.write(chainFile(directory, userId), chain);
        if (privateKey != null) {
            Pem.write(keyFile(directory, userId), List.of(privateKey));
        }
    }

    /** The card {@link #write} wrote; its private key is null when there is no key file. */
    public static Card read(Path directory, String userId) {
        Path key = keyFile(directory, userId);
        return read(userId, chainFile(directory, userId), Files.exists(key) ? key : null);
    }

    /** A card from a chain file (leaf first) and a key file (null: the key is elsewhere). */
    public static Card read(String userId, Path chainFile, Path keyFile) {
        List<X509Certificate> chain = new ArrayList<>(Pem.readCertificates(chainFile));
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(chainFile + " holds no certificate");
        }
        X509Certificate leaf = chain.get(0);
        PrivateKey key = keyFile == null ? null : Pem.readPrivateKey(keyFile);
        return new Card(userId, leaf, chain, key, KeyAlgorithm.of(leaf.getPublicKey()).signatureAlgorithm());
    }
}
