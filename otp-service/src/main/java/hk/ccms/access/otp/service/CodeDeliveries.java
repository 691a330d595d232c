package hk.ccms.access.otp.service;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.otp.domain.Channel;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The delivery bean for each channel that has one and where it is switched on. */
@ApplicationScoped
public class CodeDeliveries {

    private final Map<Channel, CodeDelivery> byChannel = new EnumMap<>(Channel.class);

    public CodeDeliveries(@All List<CodeDelivery> deliveries) {
        deliveries.stream().filter(CodeDelivery::enabled).forEach(delivery -> byChannel.put(delivery.channel(), delivery));
    }

    public CodeDelivery forChannel(Channel channel) {
        CodeDelivery delivery = byChannel.get(channel);
        if (delivery == null) {
            throw new ProblemException(OtpProblemType.CHANNEL_NOT_AVAILABLE,
                    "Codes cannot be sent by " + channel + " here; use another channel.");
        }
        return delivery;
    }
}
