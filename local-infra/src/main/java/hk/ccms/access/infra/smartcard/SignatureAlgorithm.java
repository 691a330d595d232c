package hk.ccms.access.infra.smartcard;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * The signatures a card may send in a smartcard login, by the names auth-service's API uses (JOSE's names, so that
 * they mean exactly one parameter set each).
 */
public enum SignatureAlgorithm {

    /** RSA PKCS#1 v1.5 with SHA-256. */
    RS256("RSA", "SHA256withRSA", null),
    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256, a 32-byte salt and trailer field 1. */
    PS256("RSA", "RSASSA-PSS", new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1)),
    /** ECDSA on P-256 with SHA-256; the signature is DER-encoded, as JCA makes it (not JOSE's raw r||s). */
    ES256("EC", "SHA256withECDSA", null);

    private final String keyAlgorithm;
    private final String jcaName;
    private final AlgorithmParameterSpec parameters;

    SignatureAlgorithm(String keyAlgorithm, String jcaName, AlgorithmParameterSpec parameters) {
        this.keyAlgorithm = keyAlgorithm;
        this.jcaName = jcaName;
        this.parameters = parameters;
    }

    public String jcaName() {
        return jcaName;
    }

    /** The JCA key algorithm ({@code RSA} or {@code EC}) this signature needs. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** What a card with this key signs with unless told otherwise: RS256 for RSA, ES256 for EC. */
    public static SignatureAlgorithm defaultFor(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> RS256;
            case "EC" -> ES256;
            default -> throw new IllegalArgumentException("Cards carry RSA or EC keys, not " + keyAlgorithm);
        };
    }

    /** A configured, uninitialised {@link Signature} from {@code provider} (a PKCS#11 token), or the default providers when null. */
    public Signature newSignature(Provider provider) throws GeneralSecurityException {
        Signature signature = provider == null ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, provider);
        if (parameters != null) {
            signature.setParameter(parameters);
        }
        return signature;
    }

    /** Verifies in software, as the server will. */
    public boolean verify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature verifier = newSignature(null);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
