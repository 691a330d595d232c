package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.DevInbox;
import hk.ccms.access.infra.PostgresServer;
import hk.ccms.access.infra.RedisServer;
import hk.ccms.access.infra.SmscServer;
import hk.ccms.access.infra.SmtpServer;
import hk.ccms.access.infra.pki.PkiFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole data centre on this machine: real PostgreSQL, Redis, SMTP and SMPP (SMSC) servers, and
 * auth-service, otp-service and datacentre-state as separate JVM processes configured only
 * through the same environment variables production uses.
 */
public final class DataCentre implements AutoCloseable {

    /**
     * Small heaps sized to the live set (about 25 MiB) with a small young generation, given back
     * after a full GC, and the C1 compiler only: the platform's target is at most 256 MB resident per
     * service; C1 alone measured 70 MiB less for auth-service, the heap sizing and two malloc arenas
     * ({@link #SERVICE_ENVIRONMENT}) another 17–26 MiB per service (BENCHMARKS.md).
     */
    private static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-Xmn8m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");
    /** glibc would otherwise keep up to eight malloc arenas per core, each holding freed memory resident. */
    private static final Map<String, String> SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    /** {@code CCMS_SERVICE_JVM_OPTIONS} replaces the defaults, e.g. to measure other settings with the load harness. */
    private static final List<String> SERVICE_JVM_OPTIONS = Optional.ofNullable(System.getenv("CCMS_SERVICE_JVM_OPTIONS"))
            .filter(options -> !options.isBlank())
            .map(options -> List.of(options.trim().split("\\s+")))
            .orElse(DEFAULT_SERVICE_JVM_OPTIONS);

    /** The services' names, as {@link #service}, {@link #killService} and {@link #restartService} take them. */
    public static final String AUTH = "auth-service";
    public static final String OTP = "otp-service";
    public static final String DATACENTRE_STATE = "datacentre-state";
    /**
     * datacentre-state before auth-service: auth-service is ready only once it has read its data centre's state,
     * and seeds the demo accounts only where that state says its data centre is active.
     */
    static final List<List<String>> START_ORDER = List.of(List.of(DATACENTRE_STATE, OTP), List.of(AUTH));
    private static final String KEY_WRAPPING_KEY = "key-wrapping-key";
    private static final String CODE_HASH_KEY = "code-hash-key";

    private final DataCentreSpec spec;
    private final PkiFiles pki;
    private final Path logs;
    private final PostgresServer postgres;
    private final RedisServer redis;
    private final SmtpServer smtp;
    private final SmscServer smsc;
    private final DevInbox inbox;
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();

    private DataCentre(DataCentreSpec spec, PkiFiles pki, Path logs, PostgresServer postgres, RedisServer redis, SmtpServer smtp,
                       SmscServer smsc, DevInbox inbox) {
        this.spec = spec;
        this.pki = pki;
        this.logs = logs;
        this.postgres = postgres;
        this.redis = redis;
        this.smtp = smtp;
        this.smsc = smsc;
        this.inbox = inbox;
    }

    /** A data centre on its own: no peer, its own demo PKI in {@code <data>/pki}. */
    public static DataCentre start(DataCentreSpec spec) {
        Path data = workingDirectory(spec);
        PkiFiles pki = DemoPki.prepareIn(data);
        DataCentre dataCentre = serversUp(spec.withPorts(spec.ports().resolved()), data, pki, Optional.empty());
        try {
            dataCentre.startServices();
        } catch (RuntimeException e) {
            dataCentre.close();
            throw e;
        }
        return dataCentre;
    }

    /** Where a data centre keeps its logs and secrets: its data directory, or a throw-away one. */
    static Path workingDirectory(DataCentreSpec spec) {
        return spec.dataDirectory() != null ? spec.dataDirectory() : temporaryDirectory("ccms-" + spec.id() + "-");
    }

    /**
     * The data centre's servers started and its services' environment worked out, the services not yet started.
     * Its ports must be resolved: a peer is told them before this data centre starts.
     */
    static DataCentre serversUp(DataCentreSpec spec, Path data, PkiFiles pki, Optional<PeerLink> peer) {
        DataCentreSpec.Ports ports = spec.ports();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            PostgresServer postgres = remember(started, PostgresServer.start(ports.postgres(),
                    spec.dataDirectory() == null ? null : data.resolve("postgres")));
            RedisServer redis = remember(started, RedisServer.start(ports.redis()));
            SmtpServer smtp = remember(started, SmtpServer.start(ports.smtp()));
            SmscServer smsc = remember(started, SmscServer.start(ports.smsc()));
            DevInbox inbox = remember(started, DevInbox.start(ports.inbox(), smtp, smsc));
            DataCentre dataCentre = new DataCentre(spec, pki, data.resolve("logs"), postgres, redis, smtp, smsc, inbox);
            dataCentre.workOutEnvironments(LocalSecrets.in(data, List.of(KEY_WRAPPING_KEY, CODE_HASH_KEY)), peer);
            return dataCentre;
        } catch (RuntimeException e) {
            Collections.reverse(started);
            started.forEach(DataCentre::closeQuietly);
            throw e;
        }
    }

    private void workOutEnvironments(LocalSecrets secrets, Optional<PeerLink> peer) {
        DataCentreSpec.Ports ports = spec.ports();
        String authUrl = localUrl(ports.auth());

        Map<String, String> common = new HashMap<>(SERVICE_ENVIRONMENT);
        common.put("CCMS_DC_ID", spec.id());
        common.put("CCMS_AUTH_ISSUER", "urn:ccms:auth:" + spec.id());
        common.put("CCMS_AUTH_JWKS_URL", authUrl + "/.well-known/jwks.json");
        common.put("CCMS_LOG_JSON", "true");
        peer.ifPresent(link -> common.put("CCMS_DC_LINK_KEY", link.key()));

        Map<String, String> auth = new HashMap<>(common);
        auth.put("CCMS_AUTH_HTTP_PORT", Integer.toString(ports.auth()));
        auth.put("CCMS_AUTH_DB_URL", postgres.createDatabase("auth"));
        auth.put("CCMS_AUTH_DB_USER", "auth");
        auth.put("CCMS_AUTH_DB_PASSWORD", "auth");
        auth.put("CCMS_AUTH_REDIS_URL", redis.url());
        auth.put("CCMS_OTP_URL", localUrl(ports.otp()));
        auth.put("CCMS_DCS_URL", localUrl(ports.datacentreState()));
        auth.put("CCMS_AUTH_KEY_WRAPPING_KEY", secrets.get(KEY_WRAPPING_KEY));
        // Set at both data centres of a pair: auth-service seeds only where its data centre is active at start.
        auth.put("CCMS_AUTH_DEMO_ACCOUNTS", "true");
        auth.putAll(DemoPki.authEnvironment(pki, ports.authTls()));
        peer.ifPresent(link -> auth.put("CCMS_PEER_AUTH_URL", localUrl(link.ports().auth())));
        auth.put("CCMS_AUTH_SMARTCARD_LOGIN_URL", authHttpsUrl() + "/ccms/smartcard.html");
        auth.put("CCMS_OPERATIONS_CONSOLE_URL", localUrl(ports.datacentreState()) + "/console/");

        Map<String, String> otp = new HashMap<>(common);
        otp.put("CCMS_OTP_HTTP_PORT", Integer.toString(ports.otp()));
        otp.put("CCMS_OTP_REDIS_URL", redis.url());
        otp.put("CCMS_SMTP_HOST", "127.0.0.1");
        otp.put("CCMS_SMTP_PORT", Integer.toString(smtp.port()));
        otp.put("CCMS_SMSC_HOST", "127.0.0.1");
        otp.put("CCMS_SMSC_PORT", Integer.toString(smsc.port()));
        otp.put("CCMS_SMSC_SYSTEM_ID", smsc.systemId());
        otp.put("CCMS_SMSC_PASSWORD", smsc.password());
        otp.put("CCMS_OTP_CODE_HASH_KEY", secrets.get(CODE_HASH_KEY));

        Map<String, String> dcs = new HashMap<>(common);
        dcs.put("CCMS_DCS_HTTP_PORT", Integer.toString(ports.datacentreState()));
        dcs.put("CCMS_DCS_DB_URL", postgres.createDatabase("dcstate"));
        dcs.put("CCMS_DCS_DB_USER", "dcstate");
        dcs.put("CCMS_DCS_DB_PASSWORD", "dcstate");
        dcs.put("CCMS_DC_ROLE", spec.role());
        dcs.put("CCMS_DC_PEER_ID", spec.peerId());
        dcs.put("CCMS_DC_NAME", "PDC".equals(spec.id()) ? "Primary Data Centre" : "Secondary Data Centre");
        dcs.put("CCMS_AUTH_URL", authUrl);
        dcs.put("CCMS_AUTH_PUBLIC_URL", authUrl);
        peer.ifPresent(link -> dcs.put("CCMS_PEER_DCS_URL", localUrl(link.ports().datacentreState())));

        for (Map<String, String> env : List.of(auth, otp, dcs)) {
            env.putAll(spec.extraEnvironment());
        }
        environments.put(AUTH, auth);
        environments.put(OTP, otp);
        environments.put(DATACENTRE_STATE, dcs);
    }

    /** Starts the three services in {@link #START_ORDER} and waits until they are ready. */
    void startServices() {
        START_ORDER.forEach(modules -> {
            launch(modules);
            awaitReady(modules);
        });
    }

    /** Starts these services (not yet running) without waiting for them. */
    void launch(List<String> modules) {
        modules.forEach(module -> {
            Path jar = spec.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            services.put(module, ServiceProcess.start(module, jar, portOf(module), environments.get(module), SERVICE_JVM_OPTIONS,
                    logs.resolve(module + ".log")));
        });
    }

    void awaitReady(List<String> modules) {
        modules.forEach(module -> service(module).awaitReady());
    }

    /** A crash of the application tier (kill -9 of the three services); PostgreSQL, Redis, SMTP and SMPP keep running. */
    public void killServices() {
        services.values().forEach(ServiceProcess::kill);
    }

    /** The three services started again on the same ports with the same environment (any still running is stopped first), ready. */
    public void restartServices() {
        services.values().forEach(ServiceProcess::close);
        startServices();
    }

    /** A crash of one service (kill -9). */
    public void killService(String module) {
        service(module).kill();
    }

    /** One service started again on the same port with the same environment (stopped first if still running), ready. */
    public void restartService(String module) {
        service(module).close();
        launch(List.of(module));
        awaitReady(List.of(module));
    }

    private int portOf(String module) {
        return switch (module) {
            case AUTH -> spec.ports().auth();
            case OTP -> spec.ports().otp();
            case DATACENTRE_STATE -> spec.ports().datacentreState();
            default -> throw new IllegalArgumentException("Not a service of a data centre: " + module);
        };
    }

    public String id() {
        return spec.id();
    }

    /** The ports it runs on, all resolved. */
    public DataCentreSpec.Ports ports() {
        return spec.ports();
    }

    public ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException(module + " has not been started in " + spec.id());
        }
        return service;
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    public String authUrl() {
        return localUrl(spec.ports().auth());
    }

    public String otpUrl() {
        return localUrl(spec.ports().otp());
    }

    public String datacentreStateUrl() {
        return localUrl(spec.ports().datacentreState());
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

    /** auth-service over HTTPS: the port that asks for a card as TLS client certificate (smartcard mTLS login). */
    public String authHttpsUrl() {
        return "https://127.0.0.1:" + spec.ports().authTls();
    }

    /** The smartcard PKI auth-service trusts; demo cards (key and chain) are in its {@code cards()} directory. */
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

    static String localUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static <T extends AutoCloseable> T remember(List<AutoCloseable> started, T server) {
        started.add(server);
        return server;
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // already failing to start: the first error is the one to report
        }
    }

    static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
