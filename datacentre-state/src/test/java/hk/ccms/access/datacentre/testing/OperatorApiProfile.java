package hk.ccms.access.datacentre.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * The operator API's tests: auth-service stands in as {@link AuthServiceStub}, and they run in an
 * application (and database) of their own, because they move the state on that the other tests
 * expect as first created.
 */
public class OperatorApiProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AuthServiceStub.class));
    }
}
