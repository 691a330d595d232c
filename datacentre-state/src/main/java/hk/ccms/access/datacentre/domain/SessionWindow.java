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
}
