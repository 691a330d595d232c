package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.auth.service.DataCentreGate;
import hk.ccms.access.auth.service.DataCentreReading;
import hk.ccms.access.auth.service.replication.Quarantines;
import hk.ccms.access.auth.service.replication.ReplicationBatch;
import hk.ccms.access.auth.service.replication.ReplicationOutbox;
import hk.ccms.access.auth.service.replication.ReplicationReceiver;
import hk.ccms.access.auth.service.replication.ReplicationScope;
import hk.ccms.access.auth.service.replication.ReplicationScopes;
import hk.ccms.access.auth.service.replication.ReplicationStatus;
import hk.ccms.access.auth.service.replication.ReplicationStatuses;
import hk.ccms.access.common.link.DataCentreLink;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;

/**
 * The data-centre link of auth-service: its own datacentre-state reports the state (and so
 * opens or closes the fence), reads replication status and passes on operators' quarantine
 * decisions; the peer's auth-service ships batches and asks for re-shipping and re-applying.
 */
@Path("/internal/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data-centre link")
@DataCentreLink
public class ReplicationResource {

    private static final String DC_ID = "[A-Z][A-Z0-9]{1,15}";

    /** The data-centre state as datacentre-state of this data centre holds it. */
    public record DataCentreStateReport(
            @PositiveOrZero long epoch,
            @PositiveOrZero long revision,
            @NotNull @Pattern(regexp = DC_ID) String activeDc,
            @Pattern(regexp = DC_ID) String handingOverTo,
            boolean confirmed,
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String sessionName,
            boolean carryForward,
            boolean businessFunctionsAvailable) {
    }

    /** An operator's decision on a quarantined change, as datacentre-state passes it on. */
    public record Decision(
            @NotNull @Pattern(regexp = InputPatterns.USER_ID) String operator,
            @NotBlank @Size(max = 500) String reason) {
    }

    private final DataCentreGate gate;
    private final ReplicationScopes scopes;
    private final ReplicationStatuses statuses;
    private final ReplicationReceiver receiver;
    private final ReplicationOutbox outbox;
    private final Quarantines quarantines;
    private final String dataCentre;
    private final Clock clock;

    public ReplicationResource(DataCentreGate gate, ReplicationScopes scopes, ReplicationStatuses statuses,
                               ReplicationReceiver receiver, ReplicationOutbox outbox, Quarantines quarantines,
                               AuthConfig config, Clock clock) {
        this.gate = gate;
        this.scopes = scopes;
        this.statuses = statuses;
        this.receiver = receiver;
        this.outbox = outbox;
        this.quarantines = quarantines;
        this.dataCentre = config.dataCentre();
        this.clock = clock;
    }

    @PUT
    @Path("/datacentre-state")
    @Operation(summary = "Take the data-centre state (fence or unfence account writes; discard an ended session's changes)")
    public ReplicationStatus report(@Valid @NotNull DataCentreStateReport report) {
        if (!report.carryForward() && report.sessionName() == null) {
            throw new ProblemException(CommonProblemType.VALIDATION_FAILED,
                    "A state whose changes do not carry forward must name its session.");
        }
        gate.accept(new DataCentreReading(dataCentre, report.activeDc(), report.epoch(), report.revision(), report.handingOverTo(),
                report.confirmed(), report.sessionName(), report.carryForward(), report.businessFunctionsAvailable(), clock.instant()));
        return statuses.current(ReplicationStatuses.DEFAULT_LAG_WINDOW_SECONDS, false);
    }

    @GET
    @Path("/replication/status")
    @Operation(summary = "Replication status: fence, backlog, lag (over the last lagWindowSeconds), quarantine and, unless"
            + " digest=false, the state digest")
    public ReplicationStatus status(@QueryParam("lagWindowSeconds") @DefaultValue("" + ReplicationStatuses.DEFAULT_LAG_WINDOW_SECONDS)
                                    @Min(1) @Max(86_400) int lagWindowSeconds,
                                    @QueryParam("digest") @DefaultValue("true") boolean digest) {
        return statuses.current(lagWindowSeconds, digest);
    }

    @POST
    @Path("/replication/batches")
    @Operation(summary = "Apply a batch of account images from the peer (standby only)")
    public ReplicationBatch.Applied batch(@Valid @NotNull ReplicationBatch batch) {
        return receiver.apply(batch);
    }

    @POST
    @Path("/replication/reship")
    @Operation(summary = "Ship these accounts' current images again (active data centre only)")
    public Quarantines.Reship reship(@Valid @NotNull Reship reship) {
        ReplicationScope scope = requireWritable();
        outbox.reship(scope.epoch(), reship.userIds());
        return new Quarantines.Reship(reship.userIds());
    }

    public record Reship(@NotEmpty @Size(max = 1000) List<@NotNull @Pattern(regexp = InputPatterns.USER_ID) String> userIds) {
    }

    @POST
    @Path("/replication/reapply")
    @Operation(summary = "Make an account row what a fenced data centre wrote, as a new change (active data centre only)")
    public Quarantines.Reapplication reapply(@Valid @NotNull Reapplication reapplication) {
        requireWritable();
        Quarantines.Reapplication applied = new Quarantines.Reapplication(reapplication.userId(), reapplication.account());
        quarantines.reapplyHere(applied);
        return applied;
    }

    public record Reapplication(@NotNull @Pattern(regexp = InputPatterns.USER_ID) String userId,
                                @NotBlank @Size(max = 16384) String account) {
    }

    @GET
    @Path("/replication/quarantine")
    @Operation(summary = "Writes kept aside because this data centre accepted them under an epoch it lost")
    public List<Quarantines.Entry> quarantine() {
        return quarantines.list();
    }

    @POST
    @Path("/replication/quarantine/{id}/reapply")
    @Operation(summary = "Re-apply a quarantined change at the active data centre")
    public Quarantines.Entry reapplyQuarantined(@PathParam("id") long id, @Valid @NotNull Decision decision) {
        return quarantines.reapply(id, decision.operator(), decision.reason(), scopes.current().writable());
    }

    @POST
    @Path("/replication/quarantine/{id}/drop")
    @Operation(summary = "Drop a quarantined change (it stays recorded as dropped)")
    public Quarantines.Entry drop(@PathParam("id") long id, @Valid @NotNull Decision decision) {
        return quarantines.drop(id, decision.operator(), decision.reason());
    }

    private ReplicationScope requireWritable() {
        ReplicationScope scope = scopes.current();
        if (!scope.writable()) {
            throw new ProblemException(AuthProblemType.REPLICATION_REFUSED, "Data centre " + dataCentre
                    + " is not the active one (epoch " + scope.epoch() + ", active " + scope.activeDc() + ").");
        }
        return scope;
    }
}
