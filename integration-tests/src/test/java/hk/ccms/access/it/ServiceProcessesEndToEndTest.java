package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static hk.ccms.access.it.RunningDataCentre.primary;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each service runs from its package as in production, with the class-data archive its build
 * made: the JVM maps it (BENCHMARKS.md says what it saves) and has not warned that it could not.
 */
class ServiceProcessesEndToEndTest {

    @Test
    void everyServiceMapsTheClassDataArchiveOfItsBuild() throws IOException {
        for (ServiceProcess service : primary().services()) {
            Path maps = Path.of("/proc", Long.toString(service.pid()), "maps");
            assumeTrue(Files.isReadable(maps), "a /proc file system");
            assertTrue(Files.readString(maps).contains("/target/quarkus-app/app-cds.jsa"), service.name() + " maps no app-cds.jsa");
            assertFalse(Files.readString(service.log()).contains("Unable to use shared archive"), service.name() + "'s log");
        }
    }
}
