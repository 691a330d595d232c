package hk.ccms.access.datacentre.service;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.ApprovalAction;
import hk.ccms.access.datacentre.domain.PendingApproval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Two-person approval, when configured: an operator's action is recorded as a request, and runs
 * only when a different operator approves it before it expires; its history entry then names both.
 * A request is checked against the state when it is made (so that a hopeless one is refused at
 * once) and again, by the action itself, when it is approved.
 */
@ApplicationScoped
public class Approvals {

    private static final Logger LOG = Logger.getLogger(Approvals.class);

    /** An approved request and what its action did: one of {@code action} (state changes) and {@code quarantine}. */
    public record Approved(PendingApproval approval, OperatorActions.ActionOutcome action, OperatorActions.QuarantineOutcome quarantine) {
    }

    private final DataCentreConfig config;
    private final DataCentreStateService states;
    private final OperatorActions actions;
    private final Clock clock;

    public Approvals(DataCentreConfig config, DataCentreStateService states, OperatorActions actions, Clock clock) {
        this.config = config;
        this.states = states;
        this.actions = actions;
        this.clock = clock;
    }

    public boolean required() {
        return config.operations().twoPersonApproval();
    }

    @Transactional
    public PendingApproval request(Operator requester, ApprovalAction action, PendingApproval.Subject subject, String reason) {
        switch (action) {
            case SWITCH_OVER -> states.checkSwitchOver(subject.targetDc(), subject.expectedVersion());
            case FAIL_OVER -> states.checkFailOver(subject.targetDc(), subject.expectedVersion());
            case OPEN_SESSION -> states.sessionDefinition(subject.sessionName()).orElseThrow(() -> new ProblemException(
                    DataCentreProblemType.UNKNOWN_SESSION, "No session named " + subject.sessionName() + " is configured."));
            case CLOSE_SESSION, REAPPLY_QUARANTINE, DROP_QUARANTINE -> {
                // Checked when approved: the session or the quarantined entry may change until then.
            }
        }
        Instant now = now();
        PendingApproval approval = PendingApproval.requested(action, subject, requester.userId(), reason, now,
                now.plus(config.operations().approvalLifetime()));
        approval.persist();
        LOG.infof("Operator %s requests %s (%s), approval %d, expires %s; reason: %s", requester.userId(), action, subject,
                approval.id(), approval.expiresAt(), reason);
        return approval;
    }

    /** Requests waiting for a second operator now, oldest first. */
    @Transactional
    public List<PendingApproval> waiting() {
        return PendingApproval.waiting(now());
    }

    /**
     * A second operator approves: the request is claimed (so that no other approval runs it too)
     * and its action runs with both names. If the action is refused, the claim is given back and
     * the request waits again until it expires: nothing happened.
     */
    public Approved approve(long id, Operator approver) {
        PendingApproval approval = decidable(id, approver);
        if (approval.requestedBy().equals(approver.userId())) {
            LOG.infof("Operator %s refused: approving their own request %d", approver.userId(), id);
            throw new ProblemException(DataCentreProblemType.APPROVAL_BY_REQUESTER,
                    "Request " + id + " was made by " + approver.userId() + "; a different operator must approve it.");
        }
        if (!claim(id, approver)) {
            throw decided(id);
        }
        Operator acting = new Operator(approval.requestedBy()).approvedBy(approver);
        PendingApproval.Subject subject = approval.subject();
        LOG.infof("Operator %s approves request %d: %s by %s", approver.userId(), id, approval.action(), approval.requestedBy());
        try {
            return switch (approval.action()) {
                case SWITCH_OVER -> done(id, actions.switchOver(acting, subject.targetDc(), approval.reason(), subject.expectedVersion()));
                case FAIL_OVER -> done(id, actions.failOver(acting, subject.targetDc(), approval.reason(), subject.expectedVersion()));
                case OPEN_SESSION -> done(id, actions.openSession(acting, subject.sessionName(), approval.reason(), subject.expectedVersion()));
                case CLOSE_SESSION -> done(id, actions.closeSession(acting, approval.reason(), subject.expectedVersion()));
                case REAPPLY_QUARANTINE -> new Approved(find(id), null, actions.decide(acting, subject.quarantineId(),
                        AuthServiceLink.QuarantineDecision.REAPPLY, approval.reason()));
                case DROP_QUARANTINE -> new Approved(find(id), null, actions.decide(acting, subject.quarantineId(),
                        AuthServiceLink.QuarantineDecision.DROP, approval.reason()));
            };
        } catch (ProblemException refused) {
            release(id);
            LOG.infof("Approved request %d was refused (%s); it waits again until it expires", id, refused.problem().getType());
            throw refused;
        }
    }

    /** Any operator, the requester included (a withdrawal), may reject a waiting request. */
    @Transactional
    public PendingApproval reject(long id, Operator operator, String why) {
        PendingApproval approval = decidable(id, operator);
        approval.reject(operator.userId(), why, now());
        LOG.infof("Operator %s rejects request %d (%s by %s); reason: %s", operator.userId(), id, approval.action(),
                approval.requestedBy(), why);
        return approval;
    }

    @Transactional
    boolean claim(long id, Operator approver) {
        return PendingApproval.claim(id, approver.userId(), now());
    }

    @Transactional
    void release(long id) {
        PendingApproval.release(id);
    }

    @Transactional
    PendingApproval find(long id) {
        return PendingApproval.byId(id).orElseThrow(() -> new ProblemException(DataCentreProblemType.UNKNOWN_APPROVAL,
                "No approval request " + id + "."));
    }

    private Approved done(long id, OperatorActions.ActionOutcome outcome) {
        return new Approved(find(id), outcome, null);
    }

    private PendingApproval decidable(long id, Operator operator) {
        PendingApproval approval = find(id);
        if (approval.status() != PendingApproval.Status.PENDING) {
            throw decided(id);
        }
        if (approval.expiredAt(now())) {
            LOG.infof("Operator %s: request %d has expired", operator.userId(), id);
            throw new ProblemException(DataCentreProblemType.APPROVAL_EXPIRED, "Request " + id + " expired at "
                    + approval.expiresAt() + "; ask again.");
        }
        return approval;
    }

    private static ProblemException decided(long id) {
        return new ProblemException(DataCentreProblemType.APPROVAL_DECIDED, "Request " + id + " was already decided.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
