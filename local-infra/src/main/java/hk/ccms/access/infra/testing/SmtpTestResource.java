package hk.ccms.access.infra.testing;

import hk.ccms.access.infra.DevInbox;
import hk.ccms.access.infra.SmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real SMTP server and the developer inbox over it for a service's {@code @QuarkusTest}s.
 * Tests read mail through the inbox's HTTP API at config property {@code ccms.test.inbox-url},
 * and stop or restart SMTP through {@link #server()}.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SmtpServer server;
    private DevInbox inbox;

    public static SmtpServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = SmtpServer.start(0);
        inbox = DevInbox.start(0, server);
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.port()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.mock", "false",
                "ccms.test.inbox-url", inbox.url());
    }

    @Override
    public void stop() {
        if (inbox != null) {
            inbox.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
