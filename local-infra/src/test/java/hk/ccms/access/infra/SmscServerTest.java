package hk.ccms.access.infra;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMSC peer speaks real SMPP 3.4 to jsmpp's client: binds, submits, receipts and failure modes. */
class SmscServerTest {

    private SmscServer smsc;
    private final List<SMPPSession> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        smsc = SmscServer.start(0);
    }

    @AfterEach
    void stop() {
        clients.forEach(SMPPSession::unbindAndClose);
        smsc.close();
    }

    @Test
    void refusesWrongCredentialsAndReceiverBindsWithTheirStatus() {
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, bindStatus(BindType.BIND_TRX, SmscServer.DEFAULT_SYSTEM_ID, "wrong"));
        assertEquals(SMPPConstant.STAT_ESME_RINVSYSID, bindStatus(BindType.BIND_TRX, "someone", SmscServer.DEFAULT_PASSWORD));
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, bindStatus(BindType.BIND_RX, SmscServer.DEFAULT_SYSTEM_ID, SmscServer.DEFAULT_PASSWORD));
        smsc.refuseBinds(true);
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, bindStatus(BindType.BIND_TRX, SmscServer.DEFAULT_SYSTEM_ID, SmscServer.DEFAULT_PASSWORD));
    }

    @Test
    void keepsUcs2TextAndSendsADeliveryReceipt() throws Exception {
        List<DeliverSm> receipts = new CopyOnWriteArrayList<>();
        SMPPSession client = bind(BindType.BIND_TRX, receipts);
        String messageId = submit(client, "驗證碼 123456 / Code 123456", new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                StandardCharsets.UTF_16BE);
        submit(bind(BindType.BIND_TX, null), "plain 654321", new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), StandardCharsets.US_ASCII);

        SmsMessage message = smsc.messages("+85291234567").get(0);
        assertEquals("驗證碼 123456 / Code 123456", message.text());
        assertEquals("HKFE", message.from());
        assertEquals("ALPHA_UCS2", message.dataCoding());
        assertEquals(messageId, message.messageId());
        assertEquals("plain 654321", smsc.messages("+85291234567").get(1).text());
        assertTrue(smsc.messages("+85200000000").isEmpty());

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (receipts.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(1, receipts.size(), "one receipt, for the submit that asked for one");
        assertTrue(receipts.get(0).isSmscDeliveryReceipt());
        assertEquals(messageId, receipts.get(0).getShortMessageAsDeliveryReceipt().getId());
        assertEquals(DeliveryReceiptState.DELIVRD, receipts.get(0).getShortMessageAsDeliveryReceipt().getFinalStatus());
        smsc.purge();
        assertTrue(smsc.messages(null).isEmpty());
    }

    @Test
    void throttlesAndFallsSilentWhenAsked() throws Exception {
        SMPPSession client = bind(BindType.BIND_TRX, null);
        smsc.throttle(true);
        NegativeResponseException throttled = assertThrows(NegativeResponseException.class, () -> submit(client, "x",
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), StandardCharsets.US_ASCII));
        assertEquals(SMPPConstant.STAT_ESME_RTHROTTLED, throttled.getCommandStatus());
        smsc.throttle(false);
        smsc.silent(true);
        client.setTransactionTimer(300);
        assertThrows(org.jsmpp.extra.ResponseTimeoutException.class, () -> submit(client, "y",
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), StandardCharsets.US_ASCII));
        smsc.silent(false);
        assertTrue(smsc.messages(null).isEmpty(), "nothing kept while throttled or silent");
    }

    @Test
    void devInboxServesTheMessagesAsJsonAndOnThePage() throws Exception {
        submit(bind(BindType.BIND_TRX, null), "驗證碼 123456", new GeneralDataCoding(Alphabet.ALPHA_UCS2), StandardCharsets.UTF_16BE);
        try (DevInbox inbox = DevInbox.start(0, null, smsc)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(inbox.url() + "/api/sms?to=%2B85291234567")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, json.statusCode());
            assertTrue(json.body().contains("\"text\":\"驗證碼 123456\""), json.body());
            assertTrue(json.body().contains("\"to\":\"+85291234567\""), json.body());
            String page = http.send(HttpRequest.newBuilder(URI.create(inbox.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            assertTrue(page.contains("驗證碼 123456"), page);
            assertFalse(page.contains("/api/mail"), "no mail section without an SMTP server");
            http.send(HttpRequest.newBuilder(URI.create(inbox.url() + "/api/sms")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            assertTrue(smsc.messages(null).isEmpty());
        }
    }

    private int bindStatus(BindType type, String systemId, String password) {
        SMPPSession client = new SMPPSession();
        client.setTransactionTimer(3000);
        IOException refused = assertThrows(IOException.class, () -> client.connectAndBind("127.0.0.1", smsc.port(),
                new BindParameter(type, systemId, password, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null)));
        client.close();
        return assertInstanceOf(NegativeResponseException.class, refused.getCause()).getCommandStatus();
    }

    private SMPPSession bind(BindType type, List<DeliverSm> receipts) throws IOException {
        SMPPSession client = new SMPPSession();
        client.setTransactionTimer(3000);
        if (receipts != null) {
            client.setMessageReceiverListener(new MessageReceiverListener() {
                @Override
                public void onAcceptDeliverSm(DeliverSm deliverSm) {
                    receipts.add(deliverSm);
                }

                @Override
                public void onAcceptAlertNotification(AlertNotification alertNotification) {
                }

                @Override
                public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                    return null;
                }
            });
        }
        client.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(type, SmscServer.DEFAULT_SYSTEM_ID,
                SmscServer.DEFAULT_PASSWORD, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        clients.add(client);
        return client;
    }

    private static String submit(SMPPSession client, String text, GeneralDataCoding coding, java.nio.charset.Charset charset)
            throws Exception {
        boolean receipt = coding.getAlphabet() == Alphabet.ALPHA_UCS2;
        return client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "HKFE",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "85291234567", new ESMClass(), (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                (byte) 0, coding, (byte) 0, text.getBytes(charset)).getMessageId();
    }
}
