package hk.ccms.access.infra.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a data centre is started with: its id and role, its ports (0 = pick free ones), where it
 * keeps data (null = a throw-away directory), and extra environment for its services (e.g. a
 * shorter lockout for tests).
 */
public record DataCentreSpec(String id, String role, Ports ports, Path dataDirectory, Path projectRoot,
                             Map<String, String> extraEnvironment) {

    public record Ports(int auth, int authTls, int otp, int datacentreState, int inbox, int postgres, int redis, int smtp, int smsc) {

        public static final Ports PRIMARY = new Ports(8081, 8443, 8082, 8083, 8025, 15432, 16379, 2525, 2775);
        public static final Ports ANY_FREE = new Ports(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public static DataCentreSpec primary(Path projectRoot, Path dataDirectory) {
        return new DataCentreSpec("PDC", "PRIMARY", Ports.PRIMARY, dataDirectory, projectRoot, Map.of());
    }

    /** The other data centre of the pair. */
    public String peerId() {
        return "PDC".equals(id) ? "SDC" : "PDC";
    }

    /** A secondary data centre on free ports with throw-away data, for tests. */
    public static DataCentreSpec ephemeralSecondary(Path projectRoot, Map<String, String> extraEnvironment) {
        return new DataCentreSpec("SDC", "SECONDARY", Ports.ANY_FREE, null, projectRoot, new HashMap<>(extraEnvironment));
    }

    /** A primary data centre on free ports with throw-away data, for tests and the load harness. */
    public static DataCentreSpec ephemeralPrimary(Path projectRoot, Map<String, String> extraEnvironment) {
        return new DataCentreSpec("PDC", "PRIMARY", Ports.ANY_FREE, null, projectRoot, new HashMap<>(extraEnvironment));
    }
}
