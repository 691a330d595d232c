package hk.ccms.access.infra.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A service JVM uses the class-data archive its build made, naming its files as the build did. */
class ServiceProcessTest {

    private static final List<String> OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    @Test
    void theArchiveBesideTheJarIsUsedAndTheJarNamedRelativeToItsFolder(@TempDir Path application) throws IOException {
        Path jar = Files.createFile(application.resolve("quarkus-run.jar"));
        Files.createFile(application.resolve(ServiceProcess.CLASS_DATA_ARCHIVE));

        List<String> command = ServiceProcess.command(jar, OPTIONS);

        assertEquals(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=app-cds.jsa", "-jar", "quarkus-run.jar"),
                command.subList(1, command.size()));
    }

    @Test
    void withoutAnArchiveTheJvmStartsWithoutOne(@TempDir Path application) throws IOException {
        Path jar = Files.createFile(application.resolve("quarkus-run.jar"));

        List<String> command = ServiceProcess.command(jar, OPTIONS);

        assertFalse(command.stream().anyMatch(option -> option.startsWith("-XX:SharedArchiveFile")), command::toString);
        assertEquals(List.of("-jar", "quarkus-run.jar"), command.subList(command.size() - 2, command.size()));
    }
}
