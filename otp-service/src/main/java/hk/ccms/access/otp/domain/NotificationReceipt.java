package hk.ccms.access.otp.domain;

/** The answer to a notification request: sent now, or sent by an earlier request with the same id. */
public record NotificationReceipt(String notificationId, Status status) {

    public enum Status {
        /** The SMTP server accepted the message for this request. */
        SENT,
        /** An earlier request with this id was sent; nothing was sent again. */
        ALREADY_SENT
    }
}
