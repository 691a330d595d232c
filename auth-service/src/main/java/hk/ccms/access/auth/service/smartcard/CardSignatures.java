package hk.ccms.access.auth.service.smartcard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** The signature algorithms a card may sign a challenge with, each bound to the key type it needs. */
public enum CardSignatures {
    /** RSA PKCS#1 v1.5 with SHA-256. */
    RS256,
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt. */
    PS256,
    /** ECDSA on P-256 with SHA-256, DER-encoded as JCA and PKCS#11 produce it. */
    ES256;

    private static final String PREFIX = "CCMS-SMARTCARD-LOGIN\n";

    /** What the card signs: a fixed prefix (so a card signature for anything else never fits) and the challenge. */
    public static byte[] signedMessage(String challengeId, String challenge) {
        return (PREFIX + challengeId + "\n" + challenge).getBytes(StandardCharsets.UTF_8);
    }

    public boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = verifierFor(key);
            if (verifier == null) {
                return false;
            }
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    private Signature verifierFor(PublicKey key) throws GeneralSecurityException {
        return switch (this) {
            case RS256 -> key instanceof RSAPublicKey ? Signature.getInstance("SHA256withRSA") : null;
            case PS256 -> {
                if (!(key instanceof RSAPublicKey)) {
                    yield null;
                }
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
            case ES256 -> key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256
                    ? Signature.getInstance("SHA256withECDSA") : null;
        };
    }
}
