package hk.ccms.access.auth;

import hk.ccms.access.infra.testing.PostgresTestResource;
import hk.ccms.access.infra.testing.PkiTestResource;
import hk.ccms.access.infra.testing.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real PostgreSQL and Redis for every test of this module, and a test PKI (trust anchors, CRL,
 * HTTPS with client certificates for smartcard mTLS); test resources apply module-wide.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(PkiTestResource.class)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
