package hk.ccms.access.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A participant's own settings; a participant without one has the defaults (maker-checker on). */
@Entity
@Table(name = "participant_policy")
public class ParticipantPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public String participantId;

    @Column(name = "maker_checker", nullable = false)
    public boolean makerChecker;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static boolean makerCheckerRequired(String participantId) {
        ParticipantPolicy policy = findById(participantId);
        return policy == null || policy.makerChecker;
    }
}
