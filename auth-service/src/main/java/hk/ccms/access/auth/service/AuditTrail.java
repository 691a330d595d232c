package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes the append-only audit trail. Each event commits on its own, outside any surrounding
 * transaction, so that a refusal is recorded even when that work rolls back. The source address is
 * taken from the current HTTP request (proxy headers only when configured as trusted).
 *
 * <p>One plain INSERT on an auto-commit connection: every login writes two events, and through
 * Hibernate and a JTA transaction each, the two took about a sixth of auth-service's CPU for a
 * login besides the password hash (BENCHMARKS.md, fourth round). The rows are read as {@link AuditEvent}.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int MAX_DETAIL = 500;
    private static final String INSERT = "insert into audit_event (occurred_at, actor, action, subject_user_id, participant_id,"
            + " source_ip, result, detail, requested_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource database;
    private final CurrentVertxRequest currentRequest;
    private final Clock clock;

    public AuditTrail(DataSource database, CurrentVertxRequest currentRequest, Clock clock) {
        this.database = database;
        this.currentRequest = currentRequest;
        this.clock = clock;
    }

    /** An event about an account, by {@code actor} (a user ID, or {@code anonymous}). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void record(AuditAction action, String actor, Account subject, AuditEvent.Result result, String detail) {
        record(action, actor, subject == null ? null : subject.userId, subject == null ? null : subject.participantId, result, detail);
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void record(AuditAction action, String actor, String subjectUserId, String participantId,
                       AuditEvent.Result result, String detail) {
        persist(action, actor, null, subjectUserId, participantId, result, detail);
    }

    /** A maker-checker decision: {@code checker} acted on what {@code maker} requested. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void recordDecision(AuditAction action, String checker, String maker, Account subject, AuditEvent.Result result,
                               String detail) {
        persist(action, checker, maker, subject.userId, subject.participantId, result, detail);
    }

    private void persist(AuditAction action, String actor, String requestedBy, String subjectUserId, String participantId,
                         AuditEvent.Result result, String detail) {
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.setString(2, actor);
            insert.setString(3, action.name());
            insert.setString(4, subjectUserId);
            insert.setString(5, participantId);
            insert.setString(6, sourceIp());
            insert.setString(7, result.name());
            insert.setString(8, shortDetail);
            insert.setString(9, requestedBy);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not write the audit event " + action, e);
        }
        LOG.info("audit action=" + action + " actor=" + actor + " requestedBy=" + requestedBy + " subject=" + subjectUserId
                + " participant=" + participantId + " result=" + result + " detail=" + shortDetail);
    }

    private String sourceIp() {
        RoutingContext context = currentRequest.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return null;
        }
        return context.request().remoteAddress().hostAddress();
    }
}
