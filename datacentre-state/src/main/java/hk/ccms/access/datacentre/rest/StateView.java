package hk.ccms.access.datacentre.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import hk.ccms.access.datacentre.domain.DataCentreMode;
import hk.ccms.access.datacentre.domain.DataCentreState;
import hk.ccms.access.datacentre.domain.SessionDefinition;
import hk.ccms.access.datacentre.domain.SessionWindow;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

@Schema(name = "DataCentreStateView", description = "The state of the data-centre pair as known here")
public record StateView(
        @Schema(description = "Increases at every switch-over or fail-over") long epoch,
        @Schema(description = "Increases at every change at either DC; with the epoch it orders two states") long revision,
        @Schema(description = "Id of the DC that holds this epoch", examples = "PDC") String activeDc,
        DataCentreMode mode,
        @Schema(description = "The open session; null outside one", nullable = true) OpenSession session,
        @Schema(description = "Whether business functions answer normally; false while a test session has them"
                + " answer \"Function not available\"") boolean businessFunctionsAvailable,
        @Schema(description = "Whether account changes made now are kept beyond the current session") boolean carryForward,
        @Schema(description = "The DC a planned switch-over is handing over to, while the active DC's writes are fenced"
                + " and replication drains; null otherwise", nullable = true) String handingOverTo,
        @Schema(description = "When the state last changed (UTC)") Instant updatedAt) {

    @Schema(name = "OpenSession", description = "The session that is open, on the terms it was opened with")
    public record OpenSession(
            @Schema(examples = "SESSION_1") String name,
            @Schema(description = "The DC it runs at", examples = "PDC") String dataCentre,
            Window window,
            @Schema(description = "When it was opened (UTC)") Instant openedAt,
            @Schema(description = "Whether it was opened outside its window (a rehearsal)") boolean outsideWindow) {
    }

    @Schema(name = "SessionWindow", description = "When a session is meant to run, in Hong Kong local time:"
            + " from start (inclusive) to end (exclusive) on date, or on any day when date is null")
    public record Window(
            @Schema(nullable = true, examples = "2023-06-10") LocalDate date,
            @Schema(type = SchemaType.STRING, examples = "18:00") @JsonFormat(pattern = "HH:mm") LocalTime start,
            @Schema(type = SchemaType.STRING, examples = "20:00") @JsonFormat(pattern = "HH:mm") LocalTime end,
            @Schema(examples = "Asia/Hong_Kong") String timeZone) {

        static Window of(SessionWindow window) {
            return new Window(window.date(), window.start(), window.end(), SessionWindow.HONG_KONG.getId());
        }
    }

    /** {@code openSession} is the definition of the session {@code state} has open, if any. */
    static StateView of(DataCentreState state, Optional<SessionDefinition> openSession) {
        OpenSession session = openSession.map(definition -> new OpenSession(definition.name(), definition.dataCentre(),
                Window.of(definition.window()), state.sessionOpenedAt().orElseThrow(),
                state.sessionOutsideWindow().orElseThrow())).orElse(null);
        return new StateView(state.snapshot().epoch(), state.snapshot().revision(), state.snapshot().activeDc(),
                state.snapshot().mode(), session, state.snapshot().businessFunctionsAvailable(), state.snapshot().carryForward(),
                state.snapshot().handingOverTo().orElse(null), state.updatedAt());
    }
}
