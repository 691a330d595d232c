package hk.ccms.access.auth.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers (192 bits, base64url) for login transactions and sessions. */
@ApplicationScoped
public class SecureIds {

    private static final int BYTES = 24;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
