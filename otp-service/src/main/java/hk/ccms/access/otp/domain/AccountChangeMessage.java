package hk.ccms.access.otp.domain;

import java.time.Instant;

/** One account-change notification on its way to a person. */
public record AccountChangeMessage(String to, AccountChange change, Instant occurredAt, Language language) {

    /** Without the address, so that logging a message can never leak it. */
    @Override
    public String toString() {
        return "AccountChangeMessage[kind=" + change.kind() + ", occurredAt=" + occurredAt + "]";
    }
}
