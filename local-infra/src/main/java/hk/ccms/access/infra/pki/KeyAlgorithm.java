package hk.ccms.access.infra.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** The two kinds of card key the clearing house's cards carry, and the signature each card makes by default. */
public enum KeyAlgorithm {

    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA");

    private final String jcaName;
    private final AlgorithmParameterSpec parameters;
    private final String signatureAlgorithm;

    KeyAlgorithm(String jcaName, AlgorithmParameterSpec parameters, String signatureAlgorithm) {
        this.jcaName = jcaName;
        this.parameters = parameters;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA key algorithm name ({@code RSA}, {@code EC}). */
    public String jcaName() {
        return jcaName;
    }

    /** The JCA signature algorithm a card with this key uses ({@code SHA256withRSA}, {@code SHA256withECDSA}). */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** A key pair made in software by the default providers. */
    public KeyPair generate() {
        return generate(null);
    }

    /** A key pair made by {@code provider} (a PKCS#11 token: the private key stays on it), or in software when null. */
    public KeyPair generate(Provider provider) {
        try {
            KeyPairGenerator generator = provider == null
                    ? KeyPairGenerator.getInstance(jcaName)
                    : KeyPairGenerator.getInstance(jcaName, provider);
            generator.initialize(parameters);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + this + " key", e);
        }
    }

    /** The algorithm of a key made elsewhere (a token), so that its certificate and signer match it. */
    public static KeyAlgorithm of(PublicKey key) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.jcaName.equals(key.getAlgorithm())) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Cards carry RSA or EC keys, not " + key.getAlgorithm());
    }
}
