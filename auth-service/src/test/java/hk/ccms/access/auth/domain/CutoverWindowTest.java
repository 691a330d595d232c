package hk.ccms.access.auth.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The cut-over boundaries, to the nanosecond: smartcard until go-live (exclusive), OTP from its start (inclusive). */
class CutoverWindowTest {

    private static final Instant GO_LIVE = Instant.parse("2023-06-12T00:00:00Z");
    private static final Instant OTP_FROM = Instant.parse("2023-06-09T10:00:00Z");
    private static final CutoverWindow WINDOW = new CutoverWindow(GO_LIVE, OTP_FROM);

    @Test
    void smartcardWorksUntilJustBeforeGoLiveAndNotFromIt() {
        assertThat(WINDOW.allowsSmartcardAt(GO_LIVE.minusNanos(1))).isTrue();
        assertThat(WINDOW.allowsSmartcardAt(GO_LIVE)).isFalse();
        assertThat(WINDOW.allowsSmartcardAt(GO_LIVE.plusSeconds(1))).isFalse();
    }

    @Test
    void otpOpensExactlyAtItsStart() {
        assertThat(WINDOW.allowsOtpAt(OTP_FROM.minusNanos(1))).isFalse();
        assertThat(WINDOW.allowsOtpAt(OTP_FROM)).isTrue();
        assertThat(WINDOW.allowsOtpAt(GO_LIVE)).isTrue();
    }

    @Test
    void bothWorkDuringTheParallelRunAndWithoutDatesNothingIsClosed() {
        Instant parallelRun = OTP_FROM.plusSeconds(3600);
        assertThat(WINDOW.allowsSmartcardAt(parallelRun)).isTrue();
        assertThat(WINDOW.allowsOtpAt(parallelRun)).isTrue();
        CutoverWindow open = new CutoverWindow(null, null);
        assertThat(open.allowsSmartcardAt(Instant.MAX)).isTrue();
        assertThat(open.allowsOtpAt(Instant.MIN)).isTrue();
    }
}
