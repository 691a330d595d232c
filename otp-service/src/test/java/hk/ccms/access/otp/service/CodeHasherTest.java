package hk.ccms.access.otp.service;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeHasherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void refusesKeysThatAreShortOrNotBase64() {
        assertThrows(IllegalStateException.class, () -> new CodeHasher(Base64.getEncoder().encodeToString(new byte[31])));
        assertThrows(IllegalStateException.class, () -> new CodeHasher("not base64 at all, even if it is long enough"));
    }

    @Test
    void hashIsBoundToTheTransactionAndTheKey() {
        CodeHasher hasher = new CodeHasher(KEY);
        String hash = hasher.hash("transaction-a-0000", "123456");
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertEquals(hash, hasher.hash("transaction-a-0000", "123456"));
        assertNotEquals(hash, hasher.hash("transaction-b-0000", "123456"));
        byte[] otherKey = new byte[32];
        otherKey[31] = 1;
        assertNotEquals(hash, new CodeHasher(Base64.getEncoder().encodeToString(otherKey)).hash("transaction-a-0000", "123456"));
        // RFC 4231-style check against the JDK's HMAC: the message is "transactionId:code".
        assertEquals(hmacHex(new byte[32], "transaction-a-0000:123456"), hash);
    }

    @Test
    void generatedCodesHaveTheRequestedLengthAndOnlyDigits() {
        CodeGenerator generator = new CodeGenerator();
        for (int length = 6; length <= 10; length++) {
            assertTrue(generator.next(length).matches("[0-9]{" + length + "}"));
        }
    }

    private static String hmacHex(byte[] key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
