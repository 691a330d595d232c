package hk.ccms.access.auth.service;

import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent.Result;
import hk.ccms.access.auth.domain.ParticipantPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Operators set, per participant, whether DMS changes need a second Delegated Administrator. */
@ApplicationScoped
public class ParticipantPolicies {

    private final AuditTrail audit;
    private final Clock clock;

    public ParticipantPolicies(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public record MakerChecker(String participantId, boolean enabled) {
    }

    public MakerChecker makerChecker(String participantId) {
        return new MakerChecker(participantId, ParticipantPolicy.makerCheckerRequired(participantId));
    }

    public MakerChecker setMakerChecker(Caller operator, String participantId, boolean enabled) {
        store(operator, participantId, enabled);
        audit.record(AuditAction.MAKER_CHECKER_CHANGED, operator.userId(), null, participantId, Result.SUCCESS,
                "maker-checker " + (enabled ? "on" : "off"));
        return new MakerChecker(participantId, enabled);
    }

    @Transactional
    void store(Caller operator, String participantId, boolean enabled) {
        ParticipantPolicy policy = ParticipantPolicy.findById(participantId);
        if (policy == null) {
            policy = new ParticipantPolicy();
            policy.participantId = participantId;
        }
        policy.makerChecker = enabled;
        policy.updatedBy = operator.userId();
        policy.updatedAt = clock.instant();
        policy.persist();
    }
}
