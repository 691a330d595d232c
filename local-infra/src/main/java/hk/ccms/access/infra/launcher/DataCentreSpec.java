package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.FreePorts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
        /** The local run's secondary: the primary's ports shifted by a thousand (databases by ten thousand). */
        public static final Ports SECONDARY = new Ports(9081, 9443, 9082, 9083, 9025, 25432, 26379, 3525, 3775);
        public static final Ports ANY_FREE = new Ports(0, 0, 0, 0, 0, 0, 0, 0, 0);
        private static final int COUNT = 9;

        /** These ports with every 0 replaced by a free port. */
        public Ports resolved() {
            return resolvedTogether(List.of(this)).get(0);
        }

        /**
         * Each set with its 0s replaced by free ports, no port picked twice across the sets: data centres that
         * are wired to each other must know all of them before either starts.
         */
        public static List<Ports> resolvedTogether(List<Ports> sets) {
            int[] requested = sets.stream().flatMapToInt(ports -> Arrays.stream(ports.asArray())).toArray();
            int[] resolved = FreePorts.resolveAll(requested);
            List<Ports> result = new ArrayList<>();
            for (int offset = 0; offset < resolved.length; offset += COUNT) {
                int[] p = Arrays.copyOfRange(resolved, offset, offset + COUNT);
                result.add(new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]));
            }
            return result;
        }

        private int[] asArray() {
            return new int[]{auth, authTls, otp, datacentreState, inbox, postgres, redis, smtp, smsc};
        }
    }

    /** The other data centre of the pair. */
    public String peerId() {
        return "PDC".equals(id) ? "SDC" : "PDC";
    }

    /** The same data centre on {@code other} ports. */
    public DataCentreSpec withPorts(Ports other) {
        return new DataCentreSpec(id, role, other, dataDirectory, projectRoot, extraEnvironment);
    }

    /** The primary data centre (PDC). */
    public static DataCentreSpec primary(Ports ports, Path dataDirectory, Path projectRoot, Map<String, String> extraEnvironment) {
        return new DataCentreSpec("PDC", "PRIMARY", ports, dataDirectory, projectRoot, new HashMap<>(extraEnvironment));
    }

    /** The secondary data centre (SDC). */
    public static DataCentreSpec secondary(Ports ports, Path dataDirectory, Path projectRoot, Map<String, String> extraEnvironment) {
        return new DataCentreSpec("SDC", "SECONDARY", ports, dataDirectory, projectRoot, new HashMap<>(extraEnvironment));
    }

    /** A primary data centre on free ports with throw-away data, for tests and the load harness. */
    public static DataCentreSpec ephemeralPrimary(Path projectRoot, Map<String, String> extraEnvironment) {
        return primary(Ports.ANY_FREE, null, projectRoot, extraEnvironment);
    }
}
