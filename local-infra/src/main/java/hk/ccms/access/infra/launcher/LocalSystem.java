package hk.ccms.access.infra.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The one-command local run: starts both data centres, wired to each other, with embedded servers on the
 * documented ports, prints where to click and how to log in, and stops everything on Ctrl+C.
 * Data survives restarts in {@code .local-run/} unless {@code --fresh} is given.
 */
public final class LocalSystem {

    private LocalSystem() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("ccms.project.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".local-run");
        for (String arg : args) {
            if (arg.equals("--fresh")) {
                deleteRecursively(data);
            } else {
                System.err.println("Unknown option " + arg + "; usage: start-local.sh [--fresh]");
                System.exit(2);
            }
        }
        if (Files.isDirectory(data.resolve("PDC")) && !Files.isDirectory(data.resolve("pki"))) {
            // The one-data-centre layout: its accounts have cards of a PKI the pair does not share.
            System.err.println(data + " holds data of the one-data-centre local run; start with --fresh to replace it.");
            System.exit(2);
        }
        System.out.println("Starting data centres PDC and SDC (each: embedded PostgreSQL, Redis, SMTP, SMPP; three services)...");
        DataCentrePair pair = DataCentrePair.start(DataCentrePairSpec.local(root, data));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping both data centres...");
            pair.close();
            stopped.countDown();
        }));
        System.out.println(welcome(pair, activeDataCentre(pair.primary()), data));
        stopped.await();
    }

    /** The active data centre as PDC's datacentre-state reports it, if it answers. */
    private static Optional<String> activeDataCentre(DataCentre asked) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(asked.datacentreStateUrl() + "/api/v1/datacentre"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(new ObjectMapper().readTree(response.body()).path("state").path("activeDc").asText())
                    .filter(id -> !id.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String welcome(DataCentrePair pair, Optional<String> activeId, Path data) {
        DataCentre pdc = pair.primary();
        DataCentre sdc = pair.secondary();
        // Log-in examples go to the active data centre: the standby refuses logins.
        DataCentre active = pair.dataCentre(activeId.orElse(pdc.id()));
        String activeLine = activeId.map(id -> id + "; the other data centre is its standby (logins there answer 503 \"standby\")")
                .orElse("unknown (PDC's datacentre-state did not answer); ask " + pdc.datacentreStateUrl() + "/api/v1/datacentre");
        return """

                CCMS two-factor access platform — local run, both data centres
                ===============================================================
                Active data centre: %1$s

                                     PDC (Primary Data Centre)     SDC (Secondary Data Centre)
                  auth-service       %2$-30s%3$s   Swagger UI: <url>/q/swagger-ui
                  auth-service TLS   %4$-30s%5$s   asks for a smartcard as TLS client certificate
                  otp-service        %6$-30s%7$s   internal API, service tokens only
                  datacentre-state   %8$-30s%9$s   <url>/api/v1/datacentre
                  Developer inbox    %10$-30s%11$s   every e-mail and SMS that data centre sent

                Demo accounts (password for all: Harbour-View-2023; made at the active data centre, copied to the standby)
                  ALICE01  user of CP0001     ONLINE_FUNCTIONS or OVERNIGHT_REPORT_DOWNLOAD
                  BRIAN01  user of CP0001
                  CAROL02  user of CP0002
                  DAISY01  Delegated Administrator of CP0001   SECURITY_MANAGEMENT (maker)
                  DAVID01  Delegated Administrator of CP0001   SECURITY_MANAGEMENT (checker)
                  DORIS02  Delegated Administrator of CP0002 (the only one)
                  FIONA01  user of CP0001 without 2FA set up, e-mail registered: can set it up
                  GRACE01  user of CP0001 without 2FA set up, no e-mail: a DA must register one
                  HENRY01  user of CP0001 with a smartcard, 2FA not set up yet: the test day of the circular
                  EDWIN02  user of CP0002 without 2FA set up, no e-mail
                  OPS01    clearing-house operator            OPERATIONS_CONSOLE

                Where to click (the active data centre; the standby's pages answer that it is on standby):
                  CCMS landing page       %12$s/ccms/        Login with OTP as ALICE01; the code is in %13$s
                  DMS landing page        %12$s/dms/         DAISY01 asks to register GRACE01's e-mail, DAVID01 approves
                  First-time 2FA set-up   %12$s/setup.html   FIONA01 (activation code in the inbox)
                  Operations console      %16$s/console/   OPS01: state, replication, sessions, switch-over
                  Login with Smartcard    %17$s/ccms/smartcard.html   needs the demo card in the browser (README)
                The API by hand (curl): README, "A login by hand".

                Log in with a smartcard (demo cards of ALICE01, BRIAN01, CAROL02, DAISY01, DAVID01, HENRY01 in %14$s,
                trusted at both data centres; CCMS_DC=SDC before the command logs in at SDC):
                  ./deploy/smartcard-login.sh ALICE01                        # signs the challenge with the card's key
                  ./deploy/smartcard-login.sh DAISY01 SECURITY_MANAGEMENT --mtls   # the card as TLS client certificate

                A test day by hand (operator OPS01 opens Session 1, switches over to SDC, Session 2, switches back):
                README, "The test day by hand".

                Logs: %15$s/PDC/logs and %15$s/SDC/logs    Data kept in %15$s (start with --fresh to wipe it).
                Press Ctrl+C to stop both data centres.
                """.formatted(activeLine, pdc.authUrl(), sdc.authUrl(), pdc.authHttpsUrl(), sdc.authHttpsUrl(),
                        pdc.otpUrl(), sdc.otpUrl(), pdc.datacentreStateUrl(), sdc.datacentreStateUrl(), pdc.inboxUrl(), sdc.inboxUrl(),
                        active.authUrl(), active.inboxUrl(), pdc.pki().cards(), data, active.datacentreStateUrl(), active.authHttpsUrl());
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
