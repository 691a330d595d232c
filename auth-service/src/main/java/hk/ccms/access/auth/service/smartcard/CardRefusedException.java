package hk.ccms.access.auth.service.smartcard;

/**
 * Why a card was not accepted. The reason goes to the audit trail only: the person is told the
 * same "sign-in failed" whatever factor failed.
 */
public class CardRefusedException extends Exception {

    public enum Reason {
        MALFORMED_CHAIN("certificate chain unreadable"),
        UNTRUSTED("certificate chain not trusted"),
        EXPIRED("card certificate expired or not yet valid"),
        REVOKED("card certificate revoked"),
        REVOCATION_UNKNOWN("no valid CRL for the card's issuer"),
        CRL_STALE("CRL past its next update"),
        KEY_USAGE("card certificate lacks digitalSignature key usage"),
        POLICY("card certificate lacks the required policy"),
        NOT_REGISTERED("card not registered to this account"),
        BAD_SIGNATURE("challenge signature does not verify");

        private final String audit;

        Reason(String audit) {
            this.audit = audit;
        }

        public String audit() {
            return audit;
        }
    }

    private final Reason reason;

    public CardRefusedException(Reason reason) {
        super(reason.audit(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
