package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.launcher.DataCentreSpec.Ports;
import hk.ccms.access.infra.pki.PkiFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Both data centres on this machine, wired to each other as in production: each has its own PostgreSQL, Redis,
 * SMTP, SMPP, inbox and three services; auth-service and datacentre-state know their peer's URL, and every service
 * of both signs and checks link calls with one shared key. Both trust the same smartcard PKI, since a card must
 * work at whichever data centre is active.
 */
public final class DataCentrePair implements AutoCloseable {

    private static final String LINK_KEY = "link-key";

    private final DataCentre primary;
    private final DataCentre secondary;
    private final String linkKey;

    private DataCentrePair(DataCentre primary, DataCentre secondary, String linkKey) {
        this.primary = primary;
        this.secondary = secondary;
        this.linkKey = linkKey;
    }

    public static DataCentrePair start(DataCentrePairSpec spec) {
        Path data = spec.dataDirectory() != null ? spec.dataDirectory() : DataCentre.temporaryDirectory("ccms-pair-");
        PkiFiles pki = DemoPki.prepareIn(data);
        String linkKey = LocalSecrets.in(data, List.of(LINK_KEY)).get(LINK_KEY);
        // Each data centre is told its peer's URLs before either starts.
        List<Ports> ports = Ports.resolvedTogether(List.of(spec.primaryPorts(), spec.secondaryPorts()));
        DataCentreSpec primarySpec = spec.primary(ports.get(0));
        DataCentreSpec secondarySpec = spec.secondary(ports.get(1));

        DataCentre primary = DataCentre.serversUp(primarySpec, DataCentre.workingDirectory(primarySpec), pki,
                Optional.of(new PeerLink(secondarySpec.ports(), linkKey)));
        DataCentre secondary;
        try {
            secondary = DataCentre.serversUp(secondarySpec, DataCentre.workingDirectory(secondarySpec), pki,
                    Optional.of(new PeerLink(primarySpec.ports(), linkKey)));
        } catch (RuntimeException e) {
            primary.close();
            throw e;
        }
        DataCentrePair pair = new DataCentrePair(primary, secondary, linkKey);
        try {
            pair.startServices();
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    /** Each step of {@link DataCentre#START_ORDER} at both data centres at once: a peer may wait for its peer. */
    private void startServices() {
        for (List<String> modules : DataCentre.START_ORDER) {
            both().forEach(dataCentre -> dataCentre.launch(modules));
            both().forEach(dataCentre -> dataCentre.awaitReady(modules));
        }
    }

    public DataCentre primary() {
        return primary;
    }

    public DataCentre secondary() {
        return secondary;
    }

    /** {@code PDC} or {@code SDC}. */
    public DataCentre dataCentre(String id) {
        return both().stream().filter(dataCentre -> dataCentre.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No data centre " + id + " in the pair"));
    }

    public List<DataCentre> both() {
        return List.of(primary, secondary);
    }

    /** The key both data centres sign their link calls with (base64), for tests that call link-only endpoints as a peer. */
    public String linkKey() {
        return linkKey;
    }

    @Override
    public void close() {
        both().forEach(DataCentre::close);
    }
}
