package hk.ccms.access.datacentre.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The operator API's tests: this DC is PDC, auth-service stands in as {@link AuthServiceStub} and
 * the peer SDC's datacentre-state as {@link PeerDataCentreStub}, all sharing the {@link LinkKey}.
 * They run in an application (and database) of their own, because they move the state on that
 * the other tests expect as first created.
 */
public class OperatorApiProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ccms.datacentre.switch-over.drain-timeout", "2S",
                "ccms.datacentre.switch-over.drain-poll-interval", "50MS",
                "ccms.datacentre.peer-timeout", "1S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AuthServiceStub.class), new TestResourceEntry(PeerDataCentreStub.class));
    }
}
