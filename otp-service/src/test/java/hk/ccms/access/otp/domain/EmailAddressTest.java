package hk.ccms.access.otp.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @Test
    void masksAllButFirstAndLastCharacterOfTheLocalPart() {
        assertEquals("a***e@cp0001.example", EmailAddress.parse("alice@cp0001.example").orElseThrow().masked());
        assertEquals("j***h@cp0001.example", EmailAddress.parse("john.smith@CP0001.Example").orElseThrow().masked());
        assertEquals("x***@cp0001.example", EmailAddress.parse("x@cp0001.example").orElseThrow().masked());
    }

    @Test
    void keepsTheLocalPartAndLowerCasesTheDomain() {
        assertEquals("Alice.Chan+ccms@cp0001.example", EmailAddress.parse("Alice.Chan+ccms@CP0001.EXAMPLE").orElseThrow().toString());
    }

    @Test
    void refusesWhatCouldReachAnSmtpHeaderOrIsNotAPlainAddress() {
        for (String bad : new String[]{null, "", "alice", "alice@", "@cp0001.example", "alice@localhost", "al ice@cp0001.example",
                "alice@cp0001.example\nBcc: x@y.example", ".alice@cp0001.example", "alice.@cp0001.example",
                "a..b@cp0001.example", "alice@cp0001..example", "alice@cp0001.example.", "a".repeat(65) + "@cp0001.example",
                "alice@" + "d".repeat(250) + ".example"}) {
            assertTrue(EmailAddress.parse(bad).isEmpty(), () -> "accepted " + bad);
        }
    }
}
