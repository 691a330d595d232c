package hk.ccms.access.infra.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A complete test PKI made in memory: a root CA, the card CA under it that issues the participants' smartcards, a
 * TLS server certificate for {@code localhost}, and every kind of bad card a smartcard login must refuse (expired,
 * from an untrusted CA, without digitalSignature, without the card policy, revoked through a CRL).
 * <p>
 * Bouncy Castle only builds and signs the objects; it is never registered as a JCA provider, so that a service's
 * test JVM validates and verifies with the same JDK providers it uses in production.
 */
public final class TestPki {

    /** The certificate policy the clearing house's cards carry (a private arc; the value is arbitrary but fixed). */
    public static final String CARD_POLICY_OID = "1.3.6.1.4.1.57264.1.1";

    public static final X500Principal ROOT_NAME =
            new X500Principal("CN=CCMS Test Root CA, O=HKFE Clearing Corporation Test, C=HK");
    public static final X500Principal CARD_CA_NAME =
            new X500Principal("CN=CCMS Test Card CA, O=HKFE Clearing Corporation Test, C=HK");
    private static final X500Principal UNTRUSTED_CA_NAME = new X500Principal("CN=Untrusted Card CA, O=Somebody Else, C=HK");
    private static final X500Principal SERVER_NAME = new X500Principal("CN=localhost, O=HKFE Clearing Corporation Test, C=HK");

    public static final Duration DEFAULT_CARD_VALIDITY = Duration.ofDays(365);
    /** How long a CRL written by {@link #writeCrl(Path)} stays current. */
    public static final Duration CRL_VALIDITY = Duration.ofDays(7);
    /** Certificates start (and revocations date) this far back, so that a validator whose clock lags a little agrees. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final String ROOT_ALIAS = "root";
    private static final String CARD_CA_ALIAS = "card-ca";
    private static final String SERVER_ALIAS = "server";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Authority root;
    private final Authority cardCa;
    private final Credential server;
    private Authority untrustedCa;
    private final Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
    /** Starts at the wall clock so that CRL numbers keep increasing across restarts of a PKI {@link #load}ed again. */
    private final AtomicLong crlNumber = new AtomicLong(System.currentTimeMillis());

    private TestPki(Authority root, Authority cardCa, Credential server) {
        this.root = root;
        this.cardCa = cardCa;
        this.server = server;
    }

    /** A new root, card CA and TLS server certificate (a few RSA key generations: about a second). */
    public static TestPki generate() {
        Instant now = Instant.now();
        KeyPair rootKeys = KeyAlgorithm.RSA_2048.generate();
        X509Certificate rootCertificate = sign(ROOT_NAME, rootKeys, ROOT_NAME, rootKeys.getPublic(),
                now.minus(CLOCK_SKEW), now.plus(CA_VALIDITY), builder -> caExtensions(builder, null));
        Authority root = new Authority(rootKeys, rootCertificate);
        Authority cardCa = root.subordinate(CARD_CA_NAME, now);
        KeyPair serverKeys = KeyAlgorithm.EC_P256.generate();
        X509Certificate serverCertificate = root.issue(SERVER_NAME, serverKeys.getPublic(), now.minus(CLOCK_SKEW),
                now.plus(CA_VALIDITY), TestPki::serverExtensions);
        return new TestPki(root, cardCa, new Credential(serverKeys.getPrivate(), List.of(serverCertificate, rootCertificate)));
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public X509Certificate cardCaCertificate() {
        return cardCa.certificate();
    }

    public X509Certificate serverCertificate() {
        return server.chain().get(0);
    }

    /** A good card: key made in software, valid from a minute ago for {@code validFor}. */
    public Card issueCard(String userId, KeyAlgorithm algorithm, Duration validFor) {
        return currentCard(cardCa, userId, algorithm.generate(), validFor, KeyUsage.digitalSignature, true);
    }

    /** A good card for a key made elsewhere (on a PKCS#11 token): the card comes back without a private key. */
    public Card issueCard(String userId, PublicKey publicKey) {
        return issueCard(userId, publicKey, DEFAULT_CARD_VALIDITY);
    }

    public Card issueCard(String userId, PublicKey publicKey, Duration validFor) {
        return currentCard(cardCa, userId, new KeyPair(publicKey, null), validFor, KeyUsage.digitalSignature, true);
    }

    /** A card whose validity ended yesterday (otherwise well formed and from the trusted card CA). */
    public Card expiredCard(String userId) {
        Instant now = Instant.now();
        return cardFor(cardCa, userId, KeyAlgorithm.RSA_2048.generate(), now.minus(Duration.ofDays(366)),
                now.minus(Duration.ofDays(1)), KeyUsage.digitalSignature, true);
    }

    /** A well-formed card from a CA nobody configured as a trust anchor. */
    public Card untrustedCard(String userId) {
        return currentCard(untrustedCa(), userId, KeyAlgorithm.RSA_2048.generate(), DEFAULT_CARD_VALIDITY,
                KeyUsage.digitalSignature, true);
    }

    /** A card from the trusted CA whose key may only encipher keys, not sign. */
    public Card cardWithoutDigitalSignature(String userId) {
        return currentCard(cardCa, userId, KeyAlgorithm.RSA_2048.generate(), DEFAULT_CARD_VALIDITY,
                KeyUsage.keyEncipherment, true);
    }

    /** A card from the trusted CA that lacks the {@link #CARD_POLICY_OID card policy}. */
    public Card cardWithoutPolicy(String userId) {
        return currentCard(cardCa, userId, KeyAlgorithm.RSA_2048.generate(), DEFAULT_CARD_VALIDITY,
                KeyUsage.digitalSignature, false);
    }

    /** Puts a card of the card CA on its next CRL, revoked a minute ago. */
    public void revoke(X509Certificate card) {
        revoke(card, Instant.now().minus(CLOCK_SKEW));
    }

    public synchronized void revoke(X509Certificate card, Instant revokedAt) {
        if (!card.getIssuerX500Principal().equals(CARD_CA_NAME)) {
            throw new IllegalArgumentException("Only the card CA's own cards can go on its CRL, not one of " + card.getIssuerX500Principal());
        }
        revoked.put(card.getSerialNumber(), revokedAt);
    }

    /** The card CA's CRL listing every revoked card. */
    public synchronized X509CRL crl(Instant thisUpdate, Instant nextUpdate) {
        return cardCa.crl(Map.copyOf(revoked), thisUpdate, nextUpdate, crlNumber.incrementAndGet());
    }

    /** The root's CRL: empty, as the card CA is not revoked; a validator checking the whole path needs it. */
    public X509CRL rootCrl(Instant thisUpdate, Instant nextUpdate) {
        return root.crl(Map.of(), thisUpdate, nextUpdate, crlNumber.incrementAndGet());
    }

    /** The server key and chain (server, root) under alias {@code server}. */
    public KeyStore serverKeyStore(String password) {
        KeyStore store = emptyPkcs12();
        try {
            store.setKeyEntry(SERVER_ALIAS, server.key(), password.toCharArray(), server.chainArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    /** Root and card CA as trusted entries: what a TLS server asking for client certificates trusts. */
    public KeyStore clientTrustStore() {
        KeyStore store = emptyPkcs12();
        try {
            store.setCertificateEntry(ROOT_ALIAS, root.certificate());
            store.setCertificateEntry(CARD_CA_ALIAS, cardCa.certificate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    /** Writes the PKI's public files and TLS stores (see {@link PkiFiles}); cards are written with {@link Card#write}. */
    public PkiFiles write(Path directory, String storePassword) {
        PkiFiles files = PkiFiles.in(directory, storePassword);
        try {
            Files.createDirectories(files.cards());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pem.write(files.trustAnchors(), List.of(root.certificate()));
        Pem.write(files.cardCa(), List.of(cardCa.certificate()));
        writeCrl(files.crl());
        store(serverKeyStore(storePassword), files.serverKeyStore(), storePassword);
        store(clientTrustStore(), files.clientTrustStore(), storePassword);
        return files;
    }

    /** Current CRLs (card CA, then root), valid from a minute ago for {@link #CRL_VALIDITY}. */
    public void writeCrl(Path file) {
        Instant now = Instant.now();
        writeCrl(file, now.minus(CLOCK_SKEW), now.plus(CRL_VALIDITY));
    }

    /** CRLs with chosen dates: a {@code nextUpdate} in the past makes a stale CRL. */
    public void writeCrl(Path file, Instant thisUpdate, Instant nextUpdate) {
        Pem.write(file, List.of(crl(thisUpdate, nextUpdate), rootCrl(thisUpdate, nextUpdate)));
    }

    /**
     * Keeps the CA and server keys in a PKCS#12 file, so that a PKI whose cards were handed out (the local run's
     * demo cards) can sign fresh CRLs after a restart. Revocations are not kept.
     */
    public void save(Path file, String password) {
        KeyStore store = emptyPkcs12();
        char[] secret = password.toCharArray();
        try {
            store.setKeyEntry(ROOT_ALIAS, root.keys().getPrivate(), secret, new X509Certificate[] {root.certificate()});
            store.setKeyEntry(CARD_CA_ALIAS, cardCa.keys().getPrivate(), secret,
                    new X509Certificate[] {cardCa.certificate(), root.certificate()});
            store.setKeyEntry(SERVER_ALIAS, server.key(), secret, server.chainArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        store(store, file, password);
    }

    /** The PKI {@link #save} kept. */
    public static TestPki load(Path file, String password) {
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            return new TestPki(Authority.from(store, ROOT_ALIAS, secret), Authority.from(store, CARD_CA_ALIAS, secret),
                    Credential.from(store, SERVER_ALIAS, secret));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the PKI kept in " + file, e);
        }
    }

    private synchronized Authority untrustedCa() {
        if (untrustedCa == null) {
            Instant now = Instant.now();
            KeyPair keys = KeyAlgorithm.RSA_2048.generate();
            untrustedCa = new Authority(keys, sign(UNTRUSTED_CA_NAME, keys, UNTRUSTED_CA_NAME, keys.getPublic(),
                    now.minus(CLOCK_SKEW), now.plus(CA_VALIDITY), TestPki::cardIssuerExtensions));
        }
        return untrustedCa;
    }

    private static Card currentCard(Authority issuer, String userId, KeyPair keys, Duration validFor, int keyUsage,
                                    boolean withPolicy) {
        Instant now = Instant.now();
        return cardFor(issuer, userId, keys, now.minus(CLOCK_SKEW), now.plus(validFor), keyUsage, withPolicy);
    }

    private static Card cardFor(Authority issuer, String userId, KeyPair keys, Instant notBefore, Instant notAfter,
                                int keyUsage, boolean withPolicy) {
        X500Principal subject = new X500Principal("CN=" + userId + ", O=CCMS Test Participant, C=HK");
        X509Certificate certificate = issuer.issue(subject, keys.getPublic(), notBefore, notAfter, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            if (withPolicy) {
                builder.addExtension(Extension.certificatePolicies, false, cardPolicy());
            }
        });
        return new Card(userId, certificate, List.of(certificate, issuer.certificate()), keys.getPrivate(),
                KeyAlgorithm.of(keys.getPublic()).signatureAlgorithm());
    }

    private static void caExtensions(X509v3CertificateBuilder builder, Integer pathLength) throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true,
                pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    /**
     * A CA that issues cards (path length 0) asserts the card policy itself: RFC 5280 policy processing keeps a
     * policy only when every certificate below the trust anchor carries it, so a validator that requires the card
     * policy would otherwise refuse every card.
     */
    private static void cardIssuerExtensions(X509v3CertificateBuilder builder) throws CertIOException {
        caExtensions(builder, 0);
        builder.addExtension(Extension.certificatePolicies, false, cardPolicy());
    }

    private static CertificatePolicies cardPolicy() {
        return new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(CARD_POLICY_OID)));
    }

    private static void serverExtensions(X509v3CertificateBuilder builder) throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    }

    /** Builds and signs one certificate with subject and authority key identifiers (which CRL matching uses). */
    private static X509Certificate sign(X500Principal issuer, KeyPair issuerKeys, X500Principal subject, PublicKey subjectKey,
                                        Instant notBefore, Instant notAfter, Extensions extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serialNumber(),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            extensions.addTo(builder);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKeys)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject, e);
        }
    }

    /** Random, positive and exactly 128 bits: unpredictable serials, as CA/Browser Forum rules ask of real CAs. */
    private static BigInteger serialNumber() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    private static ContentSigner signer(KeyPair keys) {
        try {
            return new JcaContentSignerBuilder(KeyAlgorithm.of(keys.getPublic()).signatureAlgorithm()).build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore emptyPkcs12() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void store(KeyStore store, Path file, String password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Extensions {
        void addTo(X509v3CertificateBuilder builder) throws CertIOException;
    }

    /** A CA: its key pair and certificate. */
    private record Authority(KeyPair keys, X509Certificate certificate) {

        static Authority from(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            if (certificate == null || key == null) {
                throw new GeneralSecurityException("No entry " + alias);
            }
            return new Authority(new KeyPair(certificate.getPublicKey(), key), certificate);
        }

        X500Principal name() {
            return certificate.getSubjectX500Principal();
        }

        /** The card CA: issues cards (path length 0), never another CA. */
        Authority subordinate(X500Principal subject, Instant now) {
            KeyPair subordinateKeys = KeyAlgorithm.RSA_2048.generate();
            return new Authority(subordinateKeys, issue(subject, subordinateKeys.getPublic(), now.minus(CLOCK_SKEW),
                    now.plus(CA_VALIDITY), TestPki::cardIssuerExtensions));
        }

        X509Certificate issue(X500Principal subject, PublicKey subjectKey, Instant notBefore, Instant notAfter,
                              Extensions extensions) {
            return sign(name(), keys, subject, subjectKey, notBefore, notAfter, extensions);
        }

        X509CRL crl(Map<BigInteger, Instant> revoked, Instant thisUpdate, Instant nextUpdate, long number) {
            try {
                X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate, Date.from(thisUpdate));
                builder.setNextUpdate(Date.from(nextUpdate));
                revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
                return new JcaX509CRLConverter().getCRL(builder.build(signer(keys)));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("Cannot sign a CRL of " + name(), e);
            }
        }
    }

    /** A TLS key and its chain. */
    private record Credential(PrivateKey key, List<X509Certificate> chain) {

        static Credential from(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (key == null || chain == null) {
                throw new GeneralSecurityException("No entry " + alias);
            }
            return new Credential(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        }

        X509Certificate[] chainArray() {
            return chain.toArray(X509Certificate[]::new);
        }
    }
}
