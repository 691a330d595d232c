package hk.ccms.access.datacentre.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a session is meant to run, in Hong Kong local time as the circular states it: from
 * {@code start} (inclusive) to {@code end} (exclusive) on {@code date}, or on any day when
 * {@code date} is null.
 */
@Embeddable
public record SessionWindow(
        @Column(name = "session_date") LocalDate date,
        @Column(name = "window_start", nullable = false) LocalTime start,
        @Column(name = "window_end", nullable = false) LocalTime end) {

    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    public boolean contains(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, HONG_KONG);
        if (date != null && !date.equals(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** The Hong Kong date of {@code instant}: the day whose window it may fall in. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, HONG_KONG);
    }

    /** When the window starts on {@code day} (a day it applies on). */
    public Instant startOn(LocalDate day) {
        return day.atTime(start).atZone(HONG_KONG).toInstant();
    }

    /** When the window ends on {@code day} (a day it applies on): the first instant outside it. */
    public Instant endOn(LocalDate day) {
        return day.atTime(end).atZone(HONG_KONG).toInstant();
    }

    /** As operators read it in logs and the history, e.g. {@code 2023-06-10 18:00–20:00 HKT}. */
    public String describeOn(LocalDate day) {
        return day + " " + start + "–" + end + " HKT";
    }
}
