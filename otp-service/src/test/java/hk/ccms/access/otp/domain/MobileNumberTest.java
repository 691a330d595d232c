package hk.ccms.access.otp.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MobileNumberTest {

    @Test
    void acceptsE164AndMasksTheMiddle() {
        assertEquals("+85291234567", MobileNumber.parse("+85291234567").orElseThrow().toString());
        assertEquals("85291234567", MobileNumber.parse("+85291234567").orElseThrow().digits());
        assertEquals("+852****4567", MobileNumber.parse("+85291234567").orElseThrow().masked());
        assertEquals("+861****5678", MobileNumber.parse("+8613812345678").orElseThrow().masked());
        assertEquals("+****5678", MobileNumber.parse("+12345678").orElseThrow().masked(), "short numbers keep four digits hidden");
        assertEquals("+123****0123", MobileNumber.parse("+123456780123").orElseThrow().masked());
    }

    @Test
    void refusesEverythingElse() {
        for (String bad : new String[]{null, "", "+", "85291234567", "+085291234567", "+1234567", "+1234567890123456",
                "+852 91234567", "+852-9123-4567", "+85291234567\n", "++85291234567", "+852９1234567", "tel:+85291234567"}) {
            assertTrue(MobileNumber.parse(bad).isEmpty(), () -> "accepted " + bad);
        }
    }
}
