package hk.ccms.access.infra.testing;

import hk.ccms.access.infra.DevInbox;
import hk.ccms.access.infra.SmscServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real SMPP server (SMSC peer) and a developer inbox over it for a service's
 * {@code @QuarkusTest}s. Publishes {@code ccms.test.smsc-host}, {@code -port}, {@code -system-id}
 * and {@code -password} for the service's configuration and {@code ccms.test.sms-inbox-url}
 * ({@code GET /api/sms?to=+852...}); tests switch failure modes and stop or restart the SMSC
 * through {@link #server()}.
 */
public class SmscTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SmscServer server;
    private DevInbox inbox;

    public static SmscServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = SmscServer.start(0);
        inbox = DevInbox.start(0, null, server);
        return Map.of(
                "ccms.test.smsc-host", "127.0.0.1",
                "ccms.test.smsc-port", Integer.toString(server.port()),
                "ccms.test.smsc-system-id", server.systemId(),
                "ccms.test.smsc-password", server.password(),
                "ccms.test.sms-inbox-url", inbox.url());
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
