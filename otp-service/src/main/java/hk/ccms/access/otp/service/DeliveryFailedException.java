package hk.ccms.access.otp.service;

/** The channel did not take the message (server down, refused, or too slow). */
public class DeliveryFailedException extends Exception {

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
