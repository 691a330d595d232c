package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.DevInbox;
import hk.ccms.access.infra.FreePorts;
import hk.ccms.access.infra.PostgresServer;
import hk.ccms.access.infra.RedisServer;
import hk.ccms.access.infra.SmscServer;
import hk.ccms.access.infra.SmtpServer;
import hk.ccms.access.infra.pki.PkiFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A whole data centre on this machine: real PostgreSQL, Redis, SMTP and SMPP (SMSC) servers, and
 * auth-service, otp-service and datacentre-state as separate JVM processes configured only
 * through the same environment variables production uses.
 */
public final class DataCentre implements AutoCloseable {

    /**
     * Small heaps, and the C1 compiler only: the platform's target is at most 256 MB resident per
     * service, and C1 alone measured 70 MiB less resident memory for auth-service at the same CPU
     * per login (BENCHMARKS.md).
     */
    private static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx160m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");
    /** {@code CCMS_SERVICE_JVM_OPTIONS} replaces the defaults, e.g. to measure other settings with the load harness. */
    private static final List<String> SERVICE_JVM_OPTIONS = Optional.ofNullable(System.getenv("CCMS_SERVICE_JVM_OPTIONS"))
            .filter(options -> !options.isBlank())
            .map(options -> List.of(options.trim().split("\\s+")))
            .orElse(DEFAULT_SERVICE_JVM_OPTIONS);

    private final DataCentreSpec spec;
    private final PostgresServer postgres;
    private final RedisServer redis;
    private final SmtpServer smtp;
    private final SmscServer smsc;
    private final DevInbox inbox;
    private final Map<String, ServiceProcess> services = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private PkiFiles pki;
    private int authHttpsPort;

    private DataCentre(DataCentreSpec spec, PostgresServer postgres, RedisServer redis, SmtpServer smtp, SmscServer smsc,
                       DevInbox inbox) {
        this.spec = spec;
        this.postgres = postgres;
        this.redis = redis;
        this.smtp = smtp;
        this.smsc = smsc;
        this.inbox = inbox;
    }

    public static DataCentre start(DataCentreSpec spec) {
        DataCentreSpec.Ports ports = spec.ports();
        Path data = spec.dataDirectory() != null ? spec.dataDirectory() : temporaryDirectory(spec.id());
        PostgresServer postgres = PostgresServer.start(ports.postgres(), spec.dataDirectory() == null ? null : data.resolve("postgres"));
        RedisServer redis = RedisServer.start(ports.redis());
        SmtpServer smtp = SmtpServer.start(ports.smtp());
        SmscServer smsc = SmscServer.start(ports.smsc());
        DevInbox inbox = DevInbox.start(ports.inbox(), smtp, smsc);
        DataCentre dataCentre = new DataCentre(spec, postgres, redis, smtp, smsc, inbox);
        try {
            dataCentre.startServices(data);
        } catch (RuntimeException e) {
            dataCentre.close();
            throw e;
        }
        return dataCentre;
    }

    private void startServices(Path data) {
        DataCentreSpec.Ports ports = spec.ports();
        int authPort = FreePorts.resolve(ports.auth());
        int otpPort = FreePorts.resolve(ports.otp());
        int dcsPort = FreePorts.resolve(ports.datacentreState());
        String authUrl = "http://127.0.0.1:" + authPort;
        String issuer = "urn:ccms:auth:" + spec.id();
        Properties secrets = localSecrets(data);
        pki = DemoPki.prepare(data.resolve("pki"), secrets.getProperty("pki-password"));

        environment.put("CCMS_DC_ID", spec.id());
        environment.put("CCMS_AUTH_ISSUER", issuer);
        environment.put("CCMS_AUTH_JWKS_URL", authUrl + "/.well-known/jwks.json");
        environment.put("CCMS_LOG_JSON", "true");

        Map<String, String> auth = new HashMap<>(environment);
        auth.put("CCMS_AUTH_HTTP_PORT", Integer.toString(authPort));
        auth.put("CCMS_AUTH_DB_URL", postgres.createDatabase("auth"));
        auth.put("CCMS_AUTH_DB_USER", "auth");
        auth.put("CCMS_AUTH_DB_PASSWORD", "auth");
        auth.put("CCMS_AUTH_REDIS_URL", redis.url());
        auth.put("CCMS_OTP_URL", "http://127.0.0.1:" + otpPort);
        auth.put("CCMS_DCS_URL", "http://127.0.0.1:" + dcsPort);
        auth.put("CCMS_AUTH_KEY_WRAPPING_KEY", secrets.getProperty("key-wrapping-key"));
        auth.put("CCMS_AUTH_DEMO_ACCOUNTS", "true");
        authHttpsPort = FreePorts.resolve(ports.authTls());
        auth.putAll(DemoPki.authEnvironment(pki, authHttpsPort));

        Map<String, String> otp = new HashMap<>(environment);
        otp.put("CCMS_OTP_HTTP_PORT", Integer.toString(otpPort));
        otp.put("CCMS_OTP_REDIS_URL", redis.url());
        otp.put("CCMS_SMTP_HOST", "127.0.0.1");
        otp.put("CCMS_SMTP_PORT", Integer.toString(smtp.port()));
        otp.put("CCMS_SMSC_HOST", "127.0.0.1");
        otp.put("CCMS_SMSC_PORT", Integer.toString(smsc.port()));
        otp.put("CCMS_SMSC_SYSTEM_ID", smsc.systemId());
        otp.put("CCMS_SMSC_PASSWORD", smsc.password());
        otp.put("CCMS_OTP_CODE_HASH_KEY", secrets.getProperty("code-hash-key"));

        Map<String, String> dcs = new HashMap<>(environment);
        dcs.put("CCMS_DCS_HTTP_PORT", Integer.toString(dcsPort));
        dcs.put("CCMS_DCS_DB_URL", postgres.createDatabase("dcstate"));
        dcs.put("CCMS_DCS_DB_USER", "dcstate");
        dcs.put("CCMS_DCS_DB_PASSWORD", "dcstate");
        dcs.put("CCMS_DC_ROLE", spec.role());
        dcs.put("CCMS_DC_PEER_ID", spec.peerId());
        dcs.put("CCMS_DC_NAME", "PDC".equals(spec.id()) ? "Primary Data Centre" : "Secondary Data Centre");
        dcs.put("CCMS_AUTH_URL", authUrl);

        for (Map<String, String> env : List.of(auth, otp, dcs)) {
            env.putAll(spec.extraEnvironment());
        }
        Path logs = data.resolve("logs");
        start("auth-service", authPort, auth, logs);
        start("otp-service", otpPort, otp, logs);
        start("datacentre-state", dcsPort, dcs, logs);
        services.values().forEach(ServiceProcess::awaitReady);
    }

    private void start(String module, int port, Map<String, String> env, Path logs) {
        Path jar = spec.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        services.put(module, ServiceProcess.start(module, jar, port, env, SERVICE_JVM_OPTIONS, logs.resolve(module + ".log")));
    }

    public String id() {
        return spec.id();
    }

    public ServiceProcess service(String module) {
        return services.get(module);
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    public String authUrl() {
        return service("auth-service").url();
    }

    public String otpUrl() {
        return service("otp-service").url();
    }

    public String datacentreStateUrl() {
        return service("datacentre-state").url();
    }

    public SmtpServer smtp() {
        return smtp;
    }

    public SmscServer smsc() {
        return smsc;
    }

    public RedisServer redis() {
        return redis;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String inboxUrl() {
        return inbox.url();
    }

    /** The smartcard PKI auth-service trusts; demo cards (key and chain) are in its {@code cards()} directory. */
    /** auth-service over HTTPS: the port that asks for a card as TLS client certificate (smartcard mTLS login). */
    public String authHttpsUrl() {
        return "https://localhost:" + authHttpsPort;
    }

    public PkiFiles pki() {
        return pki;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        inbox.close();
        smsc.close();
        smtp.close();
        redis.close();
        postgres.close();
    }

    /**
     * Keys the services need at rest (signing-key wrapping, code hashing, the local PKI's key stores): made once
     * per data directory and kept there, so that a restarted local run can still read what it stored. A data
     * directory from before a secret existed gets that secret added.
     */
    private static Properties localSecrets(Path data) {
        Path file = data.resolve("local-secrets.properties");
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            SecureRandom random = new SecureRandom();
            boolean added = false;
            for (String name : List.of("key-wrapping-key", "code-hash-key", "pki-password")) {
                if (!secrets.containsKey(name)) {
                    secrets.setProperty(name, randomKey(random));
                    added = true;
                }
            }
            if (added) {
                Files.createDirectories(data);
                try (var out = Files.newOutputStream(file)) {
                    secrets.store(out, "Local-run secrets; production takes them from its secret store");
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Path temporaryDirectory(String id) {
        try {
            return Files.createTempDirectory("ccms-" + id + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
