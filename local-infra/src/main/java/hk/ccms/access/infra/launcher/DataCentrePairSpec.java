package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.launcher.DataCentreSpec.Ports;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a pair of data centres is started with: each one's ports (0 = pick free ones), where the pair keeps its
 * data (null = throw-away directories; otherwise the link key and the shared PKI there, each data centre in
 * {@code PDC/} and {@code SDC/}), and extra environment for the services of both (e.g. a shorter lockout for tests).
 */
public record DataCentrePairSpec(Ports primaryPorts, Ports secondaryPorts, Path dataDirectory, Path projectRoot,
                                 Map<String, String> extraEnvironment) {

    /** The local run: the documented fixed ports, data kept in {@code dataDirectory}. */
    public static DataCentrePairSpec local(Path projectRoot, Path dataDirectory) {
        return new DataCentrePairSpec(Ports.PRIMARY, Ports.SECONDARY, dataDirectory, projectRoot, Map.of());
    }

    /** Both data centres on free ports with throw-away data, for tests. */
    public static DataCentrePairSpec ephemeral(Path projectRoot, Map<String, String> extraEnvironment) {
        return new DataCentrePairSpec(Ports.ANY_FREE, Ports.ANY_FREE, null, projectRoot, new HashMap<>(extraEnvironment));
    }

    DataCentreSpec primary(Ports resolved) {
        return DataCentreSpec.primary(resolved, dataDirectoryOf("PDC"), projectRoot, extraEnvironment);
    }

    DataCentreSpec secondary(Ports resolved) {
        return DataCentreSpec.secondary(resolved, dataDirectoryOf("SDC"), projectRoot, extraEnvironment);
    }

    private Path dataDirectoryOf(String dataCentre) {
        return dataDirectory == null ? null : dataDirectory.resolve(dataCentre);
    }
}
