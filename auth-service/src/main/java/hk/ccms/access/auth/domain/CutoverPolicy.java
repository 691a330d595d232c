package hk.ccms.access.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** An operator's cut-over dates for one portal and kind of account, overriding the configured defaults. */
@Entity
@Table(name = "cutover_policy")
public class CutoverPolicy extends PanacheEntityBase {

    @Embeddable
    public record Key(@Enumerated(EnumType.STRING) @Column(name = "portal") Portal portal,
                      @Enumerated(EnumType.STRING) @Column(name = "account_type") AccountType accountType) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** Smartcard login is refused from this instant (go-live); null: no end. */
    @Column(name = "smartcard_until")
    public Instant smartcardUntil;

    /** OTP login is allowed from this instant; null: already allowed. */
    @Column(name = "otp_from")
    public Instant otpFrom;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
