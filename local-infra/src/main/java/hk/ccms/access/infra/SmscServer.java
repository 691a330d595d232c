package hk.ccms.access.infra;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real SMPP 3.4 SMSC peer (jsmpp's server side) on loopback that keeps every {@code submit_sm}
 * it accepts, so that tests and people can read the codes the system sent by SMS. It accepts
 * {@code bind_transceiver} and {@code bind_transmitter} with one system id and password and, when
 * asked for, sends a delivery receipt back on the session. Failure modes, switchable while it
 * runs: refuse binds, answer {@code submit_sm} with {@code ESME_RTHROTTLED}, stop answering.
 */
public final class SmscServer implements AutoCloseable {

    public static final String DEFAULT_SYSTEM_ID = "ccms-otp";
    public static final String DEFAULT_PASSWORD = "local-pw";

    private static final int BIND_WAIT_MILLIS = 5_000;
    private static final int SILENCE_LIMIT_MILLIS = 60_000;

    private final int port;
    private final String systemId;
    private final String password;
    private final List<SmsMessage> messages = new ArrayList<>();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, SubmitSm> awaitingReceipt = new ConcurrentHashMap<>();
    private final RandomMessageIDGenerator messageIds = new RandomMessageIDGenerator();
    private volatile boolean refuseBinds;
    private volatile boolean throttle;
    private volatile boolean silent;
    private volatile boolean sendReceipts = true;
    private SMPPServerSessionListener listener;
    private ExecutorService workers;

    private SmscServer(int port, String systemId, String password) {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
    }

    public static SmscServer start(int port) {
        return start(port, DEFAULT_SYSTEM_ID, DEFAULT_PASSWORD);
    }

    public static SmscServer start(int port, String systemId, String password) {
        SmscServer server = new SmscServer(FreePorts.resolve(port), systemId, password);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (listener != null) {
            return;
        }
        try {
            listener = new SMPPServerSessionListener(port, new LoopbackConnections());
        } catch (IOException e) {
            throw new UncheckedIOException("SMSC did not start on port " + port, e);
        }
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ReceiptSender());
        workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "smsc-" + port);
            thread.setDaemon(true);
            return thread;
        });
        SMPPServerSessionListener current = listener;
        workers.execute(() -> acceptLoop(current));
    }

    /** Closes the port and every session (to test how the system behaves with the SMSC down); {@link #start()} resumes. */
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
        workers.shutdownNow();
        listener = null;
        workers = null;
    }

    public int port() {
        return port;
    }

    public String systemId() {
        return systemId;
    }

    public String password() {
        return password;
    }

    /** Messages received so far, oldest first; with a destination (E.164), only those sent to it. */
    public List<SmsMessage> messages(String destination) {
        synchronized (messages) {
            return messages.stream().filter(m -> destination == null || m.to().equals(destination)).toList();
        }
    }

    public void purge() {
        synchronized (messages) {
            messages.clear();
        }
    }

    /** Refuses new binds with {@code ESME_RBINDFAIL}; sessions already bound stay. */
    public void refuseBinds(boolean refuse) {
        this.refuseBinds = refuse;
    }

    /** Answers {@code submit_sm} with {@code ESME_RTHROTTLED} and keeps nothing. */
    public void throttle(boolean throttled) {
        this.throttle = throttled;
    }

    /** Stops answering {@code submit_sm} (the client times out); nothing is kept. */
    public void silent(boolean silence) {
        this.silent = silence;
    }

    /** Whether a delivery receipt follows a {@code submit_sm} that asked for one (default yes). */
    public void sendReceipts(boolean send) {
        this.sendReceipts = send;
    }

    private void acceptLoop(SMPPServerSessionListener current) {
        while (true) {
            SMPPServerSession session;
            try {
                session = current.accept();
            } catch (SocketTimeoutException idle) {
                continue;
            } catch (IOException closed) {
                return;
            }
            sessions.add(session);
            session.addSessionStateListener((newState, oldState, source) -> {
                if (!newState.isNotClosed()) {
                    sessions.remove(session);
                }
            });
            ExecutorService pool = workers;
            if (pool == null) {
                session.close();
                return;
            }
            pool.execute(() -> awaitBind(session));
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest bind = session.waitForBind(BIND_WAIT_MILLIS);
            boolean allowedType = bind.getBindType() == BindType.BIND_TRX || bind.getBindType() == BindType.BIND_TX;
            if (refuseBinds || !allowedType) {
                bind.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
            } else if (!systemId.equals(bind.getSystemId())) {
                bind.reject(SMPPConstant.STAT_ESME_RINVSYSID);
            } else if (!password.equals(bind.getPassword())) {
                bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                bind.accept("CCMS-SMSC");
                return;
            }
            closeAfterClient(session);
        } catch (Exception e) {
            session.close();
        }
    }

    /**
     * Gives a refused client time to read the negative bind response and hang up first: closing
     * at once can reset the connection before the client has read the response.
     */
    private static void closeAfterClient(SMPPServerSession session) throws InterruptedException {
        long until = System.currentTimeMillis() + BIND_WAIT_MILLIS;
        while (session.getSessionState().isNotClosed() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        session.close();
    }

    private SmsMessage store(SubmitSm submit, String messageId) {
        byte[] bytes = submit.getShortMessage();
        if ((bytes == null || bytes.length == 0)
                && submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD.code()) instanceof OptionalParameter.OctetString payload) {
            bytes = payload.getValue();
        }
        if (bytes == null) {
            bytes = new byte[0];
        }
        if (submit.isUdhi() && bytes.length > 0) {
            bytes = Arrays.copyOfRange(bytes, Math.min(bytes.length, 1 + (bytes[0] & 0xff)), bytes.length);
        }
        Alphabet alphabet = Alphabet.parseDataCoding(submit.getDataCoding());
        String text = new String(bytes, charset(alphabet));
        String to = submit.getDestAddrTon() == TypeOfNumber.INTERNATIONAL.value()
                ? "+" + submit.getDestAddress() : submit.getDestAddress();
        SmsMessage message = new SmsMessage(submit.getSourceAddr(), to, text, alphabet.name(), messageId, Instant.now());
        synchronized (messages) {
            messages.add(message);
        }
        return message;
    }

    /** GSM 7-bit default alphabet unpacked: its printable ASCII range is what matters for codes and numbers. */
    private static Charset charset(Alphabet alphabet) {
        return switch (alphabet) {
            case ALPHA_UCS2 -> StandardCharsets.UTF_16BE;
            case ALPHA_LATIN1 -> StandardCharsets.ISO_8859_1;
            default -> StandardCharsets.US_ASCII;
        };
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            if (silent) {
                waitWhileSilent();
                throw new ProcessRequestException("SMSC was silent", SMPPConstant.STAT_ESME_RSYSERR);
            }
            if (throttle) {
                throw new ProcessRequestException("Throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            MessageId id = messageIds.newMessageId();
            store(submit, id.getValue());
            if (sendReceipts && submit.getRegisteredDelivery() != 0) {
                awaitingReceipt.put(id.getValue(), submit);
            }
            return new SubmitSmResult(id, new OptionalParameter[0]);
        }

        private void waitWhileSilent() {
            long until = System.currentTimeMillis() + SILENCE_LIMIT_MILLIS;
            while (silent && System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("Not supported by this SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Sends the receipt once the {@code submit_sm_resp} is out, so that the client knows the message id first. */
    private final class ReceiptSender extends ServerResponseDeliveryAdapter {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            SubmitSm submit = awaitingReceipt.remove(result.getMessageId());
            ExecutorService pool = workers;
            if (submit == null || pool == null) {
                return;
            }
            pool.execute(() -> deliverReceipt(result.getMessageId(), submit, session));
        }

        private void deliverReceipt(String messageId, SubmitSm submit, SMPPServerSession session) {
            Date now = new Date();
            // The text field stays empty: real SMSCs copy the first 20 characters of the message, i.e. the code.
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "");
            try {
                session.deliverShortMessage("", TypeOfNumber.valueOf(submit.getDestAddrTon()),
                        NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()), submit.getDestAddress(),
                        TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                        submit.getSourceAddr(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                        receipt.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                // The session went away or the client did not answer: a lost receipt, as with a real SMSC.
            }
        }
    }

    /** Listens on loopback only (jsmpp's own factory binds to every interface). */
    private static final class LoopbackConnections implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int listenPort) throws IOException {
            return listen(listenPort, 0, 50);
        }

        @Override
        public ServerConnection listen(int listenPort, int timeout) throws IOException {
            return listen(listenPort, timeout, 50);
        }

        @Override
        public ServerConnection listen(int listenPort, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), backlog);
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
