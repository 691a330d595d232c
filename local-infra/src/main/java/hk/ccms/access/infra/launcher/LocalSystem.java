package hk.ccms.access.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The one-command local run: starts a complete data centre with embedded servers on the
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
        System.out.println("Starting data centre PDC (embedded PostgreSQL, Redis, SMTP, SMPP; three services)...");
        DataCentre primary = DataCentre.start(DataCentreSpec.primary(root, data.resolve("PDC")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping...");
            primary.close();
            stopped.countDown();
        }));
        System.out.println(welcome(primary, data));
        stopped.await();
    }

    static String welcome(DataCentre dc, Path data) {
        return """

                CCMS two-factor access platform — local run
                ============================================
                Active data centre: %1$s (Primary Data Centre). The secondary data centre is not started by the
                local run yet (replication between the two is issue 5); datacentre-state reports the state and
                takes the operators' actions (README: "An operator and the data-centre state by hand").

                  auth-service       %2$s      Swagger UI %2$s/q/swagger-ui
                  otp-service        %3$s      (internal API, service tokens only)
                  datacentre-state   %4$s      %4$s/api/v1/datacentre
                  Developer inbox    %5$s      every e-mail and SMS the system sent (one-time passwords)

                Demo accounts (password for all: Harbour-View-2023)
                  ALICE01  user of CP0001     ONLINE_FUNCTIONS or OVERNIGHT_REPORT_DOWNLOAD
                  BRIAN01  user of CP0001
                  CAROL02  user of CP0002
                  DAISY01  Delegated Administrator of CP0001   SECURITY_MANAGEMENT (maker)
                  DAVID01  Delegated Administrator of CP0001   SECURITY_MANAGEMENT (checker)
                  DORIS02  Delegated Administrator of CP0002 (the only one)
                  FIONA01  user of CP0001 without 2FA set up, e-mail registered: can set it up
                  GRACE01  user of CP0001 without 2FA set up, no e-mail: a DA must register one
                  EDWIN02  user of CP0002 without 2FA set up, no e-mail
                  OPS01    clearing-house operator            OPERATIONS_CONSOLE

                Log in with OTP (two steps):
                  curl -s %2$s/api/v1/login/password -H 'Content-Type: application/json' \\
                       -d '{"userId":"ALICE01","password":"Harbour-View-2023","function":"ONLINE_FUNCTIONS"}'
                  # read the 6-digit code at %5$s, then
                  curl -s %2$s/api/v1/login/code -H 'Content-Type: application/json' \\
                       -d '{"transactionId":"<from step 1>","code":"<code>"}'
                  curl -s %2$s/api/v1/ccms/session -H 'Authorization: Bearer <accessToken>'

                Log in with a smartcard (demo cards of ALICE01, BRIAN01, CAROL02, DAISY01, DAVID01 in %7$s):
                  ./deploy/smartcard-login.sh ALICE01                        # signs the challenge with the card's key
                  ./deploy/smartcard-login.sh DAISY01 SECURITY_MANAGEMENT --mtls   # the card as TLS client certificate, %8$s

                Set up 2FA (activation code by e-mail, then channel and new password; README has the SMS steps):
                  curl -s %2$s/api/v1/initiation -H 'Content-Type: application/json' -d '{"userId":"FIONA01"}'
                  curl -s %2$s/api/v1/initiation/<transactionId>/activation -H 'Content-Type: application/json' -d '{"code":"<code>"}'
                  curl -s %2$s/api/v1/initiation/<transactionId>/completion -H 'Content-Type: application/json' \\
                       -d '{"newPassword":"<12 or more characters>","channel":"EMAIL"}'

                Logs: %6$s/PDC/logs    Data kept in %6$s (start with --fresh to wipe it).
                Press Ctrl+C to stop.
                """.formatted(dc.id(), dc.authUrl(), dc.otpUrl(), dc.datacentreStateUrl(), dc.inboxUrl(), data,
                        dc.pki().cards(), dc.authHttpsUrl());
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
