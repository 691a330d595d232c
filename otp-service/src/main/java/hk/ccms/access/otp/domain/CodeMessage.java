package hk.ccms.access.otp.domain;

import java.time.Instant;

/** One code on its way to a person. Holds the code in clear: never log or store it. */
public record CodeMessage(String destination, String code, Purpose purpose, Instant expiresAt, Language language) {

    @Override
    public String toString() {
        return "CodeMessage[purpose=" + purpose + ", expiresAt=" + expiresAt + "]";
    }
}
