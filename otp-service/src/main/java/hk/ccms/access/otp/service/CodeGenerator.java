package hk.ccms.access.otp.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;

/** Draws codes from a CSPRNG, each digit uniformly (no modulo bias, leading zeros kept). */
@ApplicationScoped
public class CodeGenerator {

    private final SecureRandom random = new SecureRandom();

    public String next(int length) {
        char[] digits = new char[length];
        for (int i = 0; i < length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }
}
