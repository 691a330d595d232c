package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.SigningKey;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The ES256 keys (P-256) that sign tokens. ES256 rather than RS256 because the services run with
 * the C1 compiler only (for memory), which lacks the BigInteger intrinsics RSA depends on: there an
 * RS256 signature, one per login, measured 11.7 ms against 0.52 ms for ES256 (BENCHMARKS.md).
 * Keys made for another algorithm by an earlier version are neither used nor published. The keys
 * live in PostgreSQL with the private half wrapped by AES-256-GCM under a key-encryption key from
 * the environment, so every instance of the service signs with the same key and a database dump
 * alone cannot forge tokens. The first instance to start with an empty table creates the key.
 */
@ApplicationScoped
public class SigningKeys {

    public static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
    private static final int NONCE_BYTES = 12;
    private static final String CURVE = "secp256r1";

    private final SecretKeySpec wrappingKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile ActiveKey current;
    private volatile JsonWebKeySet publicKeys;

    public SigningKeys(AuthConfig config, Clock clock) {
        byte[] key = Base64.getDecoder().decode(config.keys().wrappingKey());
        if (key.length != 32) {
            throw new IllegalStateException("ccms.auth.keys.wrapping-key must be base64 of exactly 32 bytes");
        }
        this.wrappingKey = new SecretKeySpec(key, "AES");
        this.clock = clock;
    }

    void loadAtStartup(@Observes StartupEvent event) {
        load();
    }

    public record ActiveKey(String kid, PrivateKey privateKey) {
    }

    public ActiveKey current() {
        if (current == null) {
            load();
        }
        return current;
    }

    /** All keys whose tokens may still be in use, for JWKS and for verification. */
    public JsonWebKeySet publicKeys() {
        if (publicKeys == null) {
            load();
        }
        return publicKeys;
    }

    @Transactional
    synchronized void load() {
        if (current != null) {
            return;
        }
        // Serialises the first start of several instances so that they agree on one key.
        SigningKey.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(7310001)").getSingleResult();
        List<SigningKey> keys = SigningKey.active(ALGORITHM);
        if (keys.isEmpty()) {
            keys = List.of(create());
        }
        SigningKey newest = keys.get(0);
        try {
            JsonWebKeySet set = new JsonWebKeySet();
            for (SigningKey key : keys) {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey(key.publicKey));
                jwk.setKeyId(key.kid);
                jwk.setAlgorithm(ALGORITHM);
                jwk.setUse("sig");
                set.addJsonWebKey(jwk);
            }
            publicKeys = set;
            current = new ActiveKey(newest.kid, privateKey(unwrap(newest)));
        } catch (JoseException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing keys cannot be loaded; is the wrapping key the one they were made with?", e);
        }
    }

    public String jwksJson() {
        return publicKeys().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private SigningKey create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey();
            key.kid = UUID.randomUUID().toString();
            key.algorithm = ALGORITHM;
            key.publicKey = pair.getPublic().getEncoded();
            key.wrappedPrivateKey = wrap(key.kid, pair.getPrivate().getEncoded());
            key.createdAt = clock.instant();
            key.persistAndFlush();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a signing key", e);
        }
    }

    private byte[] wrap(String kid, byte[] pkcs8) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, wrappingKey, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(pkcs8);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    private byte[] unwrap(SigningKey key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, wrappingKey, new GCMParameterSpec(128, key.wrappedPrivateKey, 0, NONCE_BYTES));
        cipher.updateAAD(key.kid.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(key.wrappedPrivateKey, NONCE_BYTES, key.wrappedPrivateKey.length - NONCE_BYTES);
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
}
