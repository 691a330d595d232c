package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Writes the append-only audit trail. Each event commits in its own transaction so that a
 * refusal is recorded even when the surrounding work rolls back. The source address is taken
 * from the current HTTP request (proxy headers only when configured as trusted).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int MAX_DETAIL = 500;

    private final CurrentVertxRequest currentRequest;
    private final Clock clock;

    public AuditTrail(CurrentVertxRequest currentRequest, Clock clock) {
        this.currentRequest = currentRequest;
        this.clock = clock;
    }

    /** An event about an account, by {@code actor} (a user ID, or {@code anonymous}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditAction action, String actor, Account subject, AuditEvent.Result result, String detail) {
        record(action, actor, subject == null ? null : subject.userId, subject == null ? null : subject.participantId, result, detail);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditAction action, String actor, String subjectUserId, String participantId,
                       AuditEvent.Result result, String detail) {
        persist(action, actor, null, subjectUserId, participantId, result, detail);
    }

    /** A maker-checker decision: {@code checker} acted on what {@code maker} requested. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDecision(AuditAction action, String checker, String maker, Account subject, AuditEvent.Result result,
                               String detail) {
        persist(action, checker, maker, subject.userId, subject.participantId, result, detail);
    }

    private void persist(AuditAction action, String actor, String requestedBy, String subjectUserId, String participantId,
                         AuditEvent.Result result, String detail) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.actor = actor;
        event.action = action;
        event.subjectUserId = subjectUserId;
        event.participantId = participantId;
        event.sourceIp = sourceIp();
        event.result = result;
        event.requestedBy = requestedBy;
        event.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        event.persist();
        LOG.infof("audit action=%s actor=%s requestedBy=%s subject=%s participant=%s result=%s detail=%s",
                action, actor, requestedBy, subjectUserId, participantId, result, event.detail);
    }

    private String sourceIp() {
        RoutingContext context = currentRequest.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return null;
        }
        return context.request().remoteAddress().hostAddress();
    }
}
