package hk.ccms.access.auth.service.smartcard;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Reading certificates as clients send them, and the names a card is registered and found by. */
public final class CardCertificates {

    private CardCertificates() {
    }

    /** Base64 (standard) DER certificates, card first. */
    public static List<X509Certificate> chain(List<String> base64Der) throws CardRefusedException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String encoded : base64Der) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(encoded))));
            }
        } catch (CertificateException | IllegalArgumentException | ClassCastException unreadable) {
            throw new CardRefusedException(CardRefusedException.Reason.MALFORMED_CHAIN);
        }
        return chain;
    }

    /** PEM or base64 DER certificates, card first. */
    public static List<X509Certificate> parse(String pemOrBase64) throws CardRefusedException {
        String text = pemOrBase64.strip();
        if (!text.startsWith("-----BEGIN")) {
            return chain(List.of(text));
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
                    .forEach(certificate -> chain.add((X509Certificate) certificate));
            if (chain.isEmpty()) {
                throw new CardRefusedException(CardRefusedException.Reason.MALFORMED_CHAIN);
            }
            return chain;
        } catch (CertificateException | ClassCastException unreadable) {
            throw new CardRefusedException(CardRefusedException.Reason.MALFORMED_CHAIN);
        }
    }

    public static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName(X500Principal.CANONICAL);
    }

    public static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toLowerCase(Locale.ROOT);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
