package hk.ccms.access.otp.service;

import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.CodeMessage;
import hk.ccms.access.otp.domain.Destination;

/**
 * One way of getting a code to a person. Each channel is one bean; a channel without a bean, or
 * whose bean is switched off by configuration, is refused with {@code channel-not-available}
 * rather than pretending to send.
 */
public interface CodeDelivery {

    Channel channel();

    default boolean enabled() {
        return true;
    }

    /**
     * The destination, validated for this channel.
     *
     * @throws hk.ccms.access.common.problem.ProblemException a validation problem on field {@code destination}
     */
    Destination parse(String destination);

    /** The destination in the form it is stored and sent to. */
    default String normalise(String destination) {
        return parse(destination).toString();
    }

    /** The destination as it may be shown to the person who is logging in. */
    default String mask(String normalisedDestination) {
        return parse(normalisedDestination).masked();
    }

    /** Returns once the next hop (the SMTP server, the SMSC) has taken the message. */
    void send(CodeMessage message) throws DeliveryFailedException;
}
