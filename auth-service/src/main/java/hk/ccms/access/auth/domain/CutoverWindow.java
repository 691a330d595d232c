package hk.ccms.access.auth.domain;

import java.time.Instant;

/**
 * When smartcard and OTP login are allowed for one portal and kind of account: smartcard until
 * go-live (exclusive), OTP from its start (inclusive); both in between, the parallel run.
 */
public record CutoverWindow(Instant smartcardUntil, Instant otpFrom) {

    public boolean allowsSmartcardAt(Instant now) {
        return smartcardUntil == null || now.isBefore(smartcardUntil);
    }

    public boolean allowsOtpAt(Instant now) {
        return otpFrom == null || !now.isBefore(otpFrom);
    }
}
