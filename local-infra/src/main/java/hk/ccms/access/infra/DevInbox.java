package hk.ccms.access.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The developer inbox: a small web page and JSON API over what the local SMTP server and SMSC
 * received, so that a person (or a test, or the load harness) can read the codes the system sent.
 * Either source may be absent (a test that needs only one). Local runs and tests only; it binds
 * to loopback.
 */
public final class DevInbox implements AutoCloseable {

    private static final DateTimeFormatter HK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'HKT'")
            .withZone(ZoneId.of("Asia/Hong_Kong"));

    private final HttpServer server;
    private final SmtpServer smtp;
    private final SmscServer smsc;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private DevInbox(HttpServer server, SmtpServer smtp, SmscServer smsc) {
        this.server = server;
        this.smtp = smtp;
        this.smsc = smsc;
    }

    public static DevInbox start(int port, SmtpServer smtp) {
        return start(port, smtp, null);
    }

    /** An inbox over {@code smtp} and {@code smsc}, either of which may be null. */
    public static DevInbox start(int port, SmtpServer smtp, SmscServer smsc) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.resolve(port)), 0);
            DevInbox inbox = new DevInbox(server, smtp, smsc);
            if (smtp != null) {
                server.createContext("/api/mail", inbox::mailApi);
            }
            if (smsc != null) {
                server.createContext("/api/sms", inbox::smsApi);
            }
            server.createContext("/", inbox::page);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("Dev inbox did not start", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void mailApi(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            smtp.purge();
            respond(exchange, 204, "application/json", new byte[0]);
            return;
        }
        List<MailMessage> messages = smtp.messages(queryParameter(exchange, "to"));
        respond(exchange, 200, "application/json", json.writeValueAsBytes(messages));
    }

    private void smsApi(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            smsc.purge();
            respond(exchange, 204, "application/json", new byte[0]);
            return;
        }
        List<SmsMessage> messages = smsc.messages(queryParameter(exchange, "to"));
        respond(exchange, 200, "application/json", json.writeValueAsBytes(messages));
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Developer inbox</title>
                <meta http-equiv="refresh" content="5">
                <style>body{font-family:sans-serif;margin:2em;max-width:60em}article{border:1px solid #999;
                padding:1em;margin:1em 0}pre{white-space:pre-wrap}</style></head><body>
                <h1>Developer inbox — messages sent by the local system</h1>
                <p>Refreshes every 5 seconds.</p>
                """);
        if (smsc != null) {
            html.append("<h2>SMS</h2><p>JSON: <code>/api/sms?to=+85291234567</code></p>");
            List<SmsMessage> newestFirst = new ArrayList<>(smsc.messages(null));
            Collections.reverse(newestFirst);
            if (newestFirst.isEmpty()) {
                html.append("<p>No SMS yet.</p>");
            }
            for (SmsMessage message : newestFirst) {
                html.append("<article><p>To: ").append(escape(message.to())).append(" — From: ")
                        .append(escape(message.from())).append(" — ")
                        .append(HK_TIME.format(message.receivedAt())).append("</p><pre>")
                        .append(escape(message.text())).append("</pre></article>");
            }
        }
        if (smtp != null) {
            html.append("<h2>E-mail</h2><p>JSON: <code>/api/mail?to=address</code></p>");
            List<MailMessage> newestFirst = new ArrayList<>(smtp.messages(null));
            Collections.reverse(newestFirst);
            if (newestFirst.isEmpty()) {
                html.append("<p>No mail yet.</p>");
            }
            for (MailMessage message : newestFirst) {
                html.append("<article><h3>").append(escape(message.subject())).append("</h3><p>To: ")
                        .append(escape(String.join(", ", message.to()))).append(" — ")
                        .append(HK_TIME.format(message.receivedAt())).append("</p><pre>")
                        .append(escape(message.text())).append("</pre></article>");
            }
        }
        html.append("</body></html>");
        respond(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
