package hk.ccms.access.datacentre.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session windows are Hong Kong local times (UTC+8): 18:00–20:00 HKT is 10:00–12:00 UTC. */
class SessionWindowTest {

    private static final SessionWindow SESSION_1 =
            new SessionWindow(LocalDate.of(2023, 6, 10), LocalTime.of(18, 0), LocalTime.of(20, 0));
    private static final SessionWindow EVERY_EVENING = new SessionWindow(null, LocalTime.of(22, 0), LocalTime.of(23, 0));

    @Test
    void theWindowStartsAtItsStartInHongKong() {
        assertFalse(SESSION_1.contains(Instant.parse("2023-06-10T09:59:59.999999Z")));
        assertTrue(SESSION_1.contains(Instant.parse("2023-06-10T10:00:00Z")));
    }

    @Test
    void theWindowEndsJustBeforeItsEnd() {
        assertTrue(SESSION_1.contains(Instant.parse("2023-06-10T11:59:59.999999Z")));
        assertFalse(SESSION_1.contains(Instant.parse("2023-06-10T12:00:00Z")));
    }

    @Test
    void aDatedWindowIsOnlyOnItsDateInHongKong() {
        assertFalse(SESSION_1.contains(Instant.parse("2023-06-11T10:30:00Z")));
        assertFalse(SESSION_1.contains(Instant.parse("2023-06-09T10:30:00Z")));
        // 18:30 UTC on the 9th is already 02:30 on the 10th in Hong Kong, but not in the window.
        assertFalse(SESSION_1.contains(Instant.parse("2023-06-09T18:30:00Z")));
    }

    @Test
    void anUndatedWindowIsOnEveryDay() {
        assertTrue(EVERY_EVENING.contains(Instant.parse("2023-06-10T14:30:00Z")));
        assertTrue(EVERY_EVENING.contains(Instant.parse("2031-01-01T14:00:00Z")));
        assertFalse(EVERY_EVENING.contains(Instant.parse("2031-01-01T15:00:00Z")));
        assertFalse(EVERY_EVENING.contains(Instant.parse("2031-01-01T22:30:00Z"))); // 22:30 UTC is 06:30 HKT
    }

    @Test
    void aWindowOnADayStartsAndEndsAtHongKongTimes() {
        LocalDate day = SessionWindow.dayOf(Instant.parse("2023-06-10T10:30:00Z"));
        assertEquals(LocalDate.of(2023, 6, 10), day);
        assertEquals(Instant.parse("2023-06-10T10:00:00Z"), SESSION_1.startOn(day));
        assertEquals(Instant.parse("2023-06-10T12:00:00Z"), SESSION_1.endOn(day));
        assertEquals("2023-06-10 18:00–20:00 HKT", SESSION_1.describeOn(day));
    }

    @Test
    void anUndatedWindowIsOnTheHongKongDay() {
        // 16:30 UTC on 31 December is already 00:30 on 1 January in Hong Kong.
        LocalDate day = SessionWindow.dayOf(Instant.parse("2030-12-31T16:30:00Z"));
        assertEquals(LocalDate.of(2031, 1, 1), day);
        assertEquals(Instant.parse("2031-01-01T14:00:00Z"), EVERY_EVENING.startOn(day));
        assertEquals(Instant.parse("2031-01-01T15:00:00Z"), EVERY_EVENING.endOn(day));
    }
}
