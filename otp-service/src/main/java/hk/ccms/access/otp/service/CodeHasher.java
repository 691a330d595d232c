package hk.ccms.access.otp.service;

import hk.ccms.access.otp.config.OtpConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The only form in which a code is stored: HMAC-SHA256 over {@code transactionId:code}. The key
 * makes a dump of Redis useless for brute-forcing the small code space offline, and the
 * transaction id binds a code to the login that asked for it. Built at startup so that a missing
 * or weak key stops the service instead of failing the first login.
 */
@Startup
@ApplicationScoped
public class CodeHasher {

    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Inject
    public CodeHasher(OtpConfig config) {
        this(config.codeHashKey());
    }

    CodeHasher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("ccms.otp.code-hash-key (CCMS_OTP_CODE_HASH_KEY) is not base64");
        }
        if (raw.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("ccms.otp.code-hash-key (CCMS_OTP_CODE_HASH_KEY) must decode to at least "
                    + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(raw, ALGORITHM);
    }

    public String hash(String transactionId, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((transactionId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
