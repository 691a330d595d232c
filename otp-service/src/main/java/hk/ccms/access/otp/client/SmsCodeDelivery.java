package hk.ccms.access.otp.client;

import hk.ccms.access.otp.config.OtpConfig;
import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.CodeMessage;
import hk.ccms.access.otp.domain.MobileNumber;
import hk.ccms.access.otp.domain.SmsText;
import hk.ccms.access.otp.service.CodeDelivery;
import hk.ccms.access.otp.service.DeliveryFailedException;
import hk.ccms.access.otp.service.InvalidInput;
import hk.ccms.access.otp.service.OtpMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.AbsoluteTimeFormatter;
import org.jsmpp.util.InvalidDeliveryReceiptException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Sends codes by SMS to the SMSC over SMPP 3.4: one transceiver session, bound on first use and
 * kept. When it drops or a bind fails it is bound again in the background, waiting the reconnect
 * backoff (doubling up to its maximum) between attempts; while it is down a send fails at once
 * with {@link DeliveryFailedException} rather than hammering the SMSC. Each {@code submit_sm}
 * asks for a delivery receipt; receipts arrive on the same session and are counted by final
 * state. The text is UCS-2 (GSM-7 cannot carry Chinese) in the {@code message_payload} parameter,
 * so one {@code submit_sm} with one message id carries the whole message and the SMSC splits it.
 */
@ApplicationScoped
public class SmsCodeDelivery implements CodeDelivery {

    /** What readiness shows about the session. */
    public enum State { DISABLED, NOT_STARTED, BOUND, DOWN }

    public record Status(State state, String lastError, Instant nextBindAttempt) {
    }

    private static final Logger LOG = Logger.getLogger(SmsCodeDelivery.class);
    private static final int ENQUIRE_LINK_MILLIS = 30_000;
    private static final Pattern NUMERIC_SOURCE = Pattern.compile("\\+?[0-9]+");

    private final OtpConfig.Sms config;
    private final OtpMetrics metrics;
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "smpp-reconnect");
        thread.setDaemon(true);
        return thread;
    });

    // Written under this lock; the volatile ones are also read without it, so that readiness never
    // waits behind a bind that is waiting for its timeout.
    private volatile SMPPSession session;
    private volatile boolean started;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile String lastError;
    private boolean shutDown;
    private Duration backoff;
    private ScheduledFuture<?> pendingReconnect;

    public SmsCodeDelivery(OtpConfig config, OtpMetrics metrics) {
        this.config = config.sms();
        this.metrics = metrics;
        this.backoff = this.config.reconnectBackoffMin();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public void send(CodeMessage message) throws DeliveryFailedException {
        MobileNumber to = parse(message.destination());
        byte[] text = SmsText.of(message).getBytes(StandardCharsets.UTF_16BE);
        boolean numericSource = NUMERIC_SOURCE.matcher(config.sourceAddress()).matches();
        SMPPSession bound = boundSession();
        try {
            String messageId = bound.submitShortMessage("",
                    numericSource ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC,
                    numericSource ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN,
                    config.sourceAddress().replace("+", ""),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.digits(),
                    new ESMClass(), (byte) 0, (byte) 1, null,
                    // The SMSC drops the message rather than delivering a code that no longer works.
                    new AbsoluteTimeFormatter().format(Date.from(message.expiresAt())),
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, new byte[0],
                    new OptionalParameter.Message_payload(text)).getMessageId();
            LOG.infof("SMS accepted by the SMSC: messageId=%s destination=%s", messageId, to.masked());
        } catch (NegativeResponseException e) {
            throw new DeliveryFailedException(e.getCommandStatus() == SMPPConstant.STAT_ESME_RTHROTTLED
                    ? "The SMSC throttled the message (ESME_RTHROTTLED)"
                    : "The SMSC refused the message, command status " + hex(e.getCommandStatus()), e);
        } catch (ResponseTimeoutException e) {
            throw new DeliveryFailedException("The SMSC did not answer within " + config.submitTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new DeliveryFailedException("The SMPP session failed while sending: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new DeliveryFailedException("The SMSC answer was not understood: " + e, e);
        }
    }

    public Status status() {
        if (!config.enabled()) {
            return new Status(State.DISABLED, null, null);
        }
        if (!started) {
            return new Status(State.NOT_STARTED, null, null);
        }
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return new Status(State.BOUND, null, null);
        }
        Instant next = nextAttempt;
        return new Status(State.DOWN, lastError, next.isAfter(Instant.now()) ? next : null);
    }

    private SMPPSession boundSession() throws DeliveryFailedException {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        return bindIfDue();
    }

    private synchronized SMPPSession bindIfDue() throws DeliveryFailedException {
        started = true;
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (Instant.now().isBefore(nextAttempt)) {
            throw new DeliveryFailedException("The SMPP session is down (" + lastError + "); next bind at " + nextAttempt, null);
        }
        return bind();
    }

    private synchronized SMPPSession bind() throws DeliveryFailedException {
        if (session != null) {
            session.close();
            session = null;
        }
        SMPPSession candidate = new SMPPSession();
        candidate.setTransactionTimer(config.submitTimeout().toMillis());
        candidate.setEnquireLinkTimer(ENQUIRE_LINK_MILLIS);
        candidate.setMessageReceiverListener(new ReceiptListener());
        try {
            candidate.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password().orElse(""), "OTP", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.submitTimeout().toMillis());
        } catch (IOException e) {
            candidate.close();
            bindFailed(describe(e));
            throw new DeliveryFailedException("Could not bind to the SMSC: " + lastError, e);
        }
        // Never block here: jsmpp reports the state from its own threads, which close() may wait for.
        candidate.addSessionStateListener((newState, oldState, source) -> {
            if (!newState.isNotClosed() && !reconnector.isShutdown()) {
                reconnector.execute(() -> dropped(candidate));
            }
        });
        session = candidate;
        backoff = config.reconnectBackoffMin();
        nextAttempt = Instant.EPOCH;
        lastError = null;
        LOG.infof("SMPP session bound to %s:%d as %s", config.host(), config.port(), config.systemId());
        return candidate;
    }

    private synchronized void dropped(SMPPSession closed) {
        if (session != closed || shutDown) {
            return;
        }
        session = null;
        lastError = "the session was closed";
        LOG.warnf("SMPP session to %s:%d closed; binding again", config.host(), config.port());
        scheduleReconnect(Duration.ZERO);
    }

    private synchronized void bindFailed(String why) {
        lastError = why;
        nextAttempt = Instant.now().plus(backoff);
        LOG.warnf("SMPP bind to %s:%d failed (%s); next attempt in %d ms", config.host(), config.port(), why, backoff.toMillis());
        scheduleReconnect(backoff);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.reconnectBackoffMax()) > 0 ? config.reconnectBackoffMax() : doubled;
    }

    private synchronized void scheduleReconnect(Duration delay) {
        if (shutDown || (pendingReconnect != null && !pendingReconnect.isDone())) {
            return;
        }
        pendingReconnect = reconnector.schedule(this::reconnect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnect() {
        pendingReconnect = null;
        if (shutDown || (session != null && session.getSessionState().isBound())) {
            return;
        }
        try {
            bind();
        } catch (DeliveryFailedException e) {
            // bindFailed has scheduled the next attempt.
        }
    }

    @PreDestroy
    synchronized void close() {
        shutDown = true;
        reconnector.shutdownNow();
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    private static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NegativeResponseException refused) {
                return "bind refused, command status " + hex(refused.getCommandStatus());
            }
            if (cause instanceof ResponseTimeoutException) {
                return "no answer to the bind";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String hex(int commandStatus) {
        return String.format("0x%08X", commandStatus);
    }

    @Override
    public MobileNumber parse(String destination) {
        return MobileNumber.parse(destination).orElseThrow(() -> InvalidInput.field("destination", MobileNumber.RULE));
    }

    /** Delivery receipts: counted by final state and logged with the message id only (never the text). */
    private final class ReceiptListener implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                metrics.smsReceipt(receipt.getFinalStatus().name());
                LOG.infof("SMS delivery receipt: messageId=%s state=%s error=%s",
                        receipt.getId(), receipt.getFinalStatus(), receipt.getError());
            } catch (InvalidDeliveryReceiptException e) {
                metrics.smsReceipt("UNREADABLE");
                LOG.warn("Unreadable SMS delivery receipt");
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // Not asked for; nothing to do.
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not accepted", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
