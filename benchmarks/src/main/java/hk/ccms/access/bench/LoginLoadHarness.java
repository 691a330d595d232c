package hk.ccms.access.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.ccms.access.infra.MailMessage;
import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.infra.launcher.DataCentreSpec;
import hk.ccms.access.infra.launcher.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load on complete OTP logins against a whole data centre started as real processes:
 * password step, code read from the real SMTP server, code step. For each concurrency it reports
 * logins/s, latency percentiles, CPU-seconds per login of each service process and peak RSS; then
 * it floods the password step to show back-pressure (503 + Retry-After) instead of collapse.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar hk.ccms.access.bench.LoginLoadHarness [seconds] [concurrency,...] [warm-up seconds]</pre>
 */
public final class LoginLoadHarness {

    private static final String PASSWORD = "Harbour-View-2023";
    private static final int ACCOUNTS = 3000;
    /** Linux keeps 15 characters of a thread name: "password-hashing-N" without its digits. */
    static final String HASHING_THREADS = "password-hashin";
    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6,10})(?![0-9])");

    private final DataCentre dc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger nextAccount = new AtomicInteger();
    private final List<String> threadBreakdowns = new ArrayList<>();

    private LoginLoadHarness(DataCentre dc) {
        this.dc = dc;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] concurrencies = args.length > 1
                ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[]{1, 2, 4, 8};
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path root = Path.of(System.getProperty("ccms.project.root", ".")).toAbsolutePath().normalize();
        Map<String, String> environment = new HashMap<>();
        environment.put("CCMS_AUTH_DEMO_LOAD_USERS", Integer.toString(ACCOUNTS));
        // Each account logs in a few times per run: lift the per-account hourly code cap for the run only.
        environment.put("CCMS_OTP_MAX_CODES_PER_HOUR", "1000");
        System.out.println("Starting a data centre (embedded PostgreSQL, Redis, SMTP; three service JVMs)...");
        try (DataCentre dc = DataCentre.start(DataCentreSpec.ephemeralPrimary(root, environment))) {
            LoginLoadHarness harness = new LoginLoadHarness(dc);
            System.out.printf("Machine: %d cores; service JVMs as started by the launcher (DataCentre)%n", Runtime.getRuntime().availableProcessors());
            // For tools that attach to the services during the run (benchmarks/profile-logins.sh).
            dc.services().forEach(service -> System.out.printf("service %s pid %d log %s%n", service.name(), service.pid(), service.log()));
            // JIT compilation is CPU the services spend once; the figures are for the warmed-up state.
            harness.run(4, Duration.ofSeconds(warmUpSeconds), "warm-up");
            // The memory limit is for a service under load: the peak through start-up and warm-up is
            // printed, then each service's peak is reset so that the table shows the peak while logins run.
            System.out.printf("peak RSS MiB from start through the warm-up (VmHWM) auth / otp / dcs: %s; reset for the measured levels: %s%n",
                    harness.peaks(), dc.services().stream().allMatch(ServiceProcess::resetPeakRss));
            System.out.println();
            System.out.println("| concurrency | logins/s | p50 ms | p99 ms | errors | CPU s/login auth | CPU s/login otp | CPU s/login auth+otp | of which besides the hash | × the hash in this run | peak RSS MiB under load auth / otp / dcs |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int concurrency : concurrencies) {
                System.out.println(harness.run(concurrency, Duration.ofSeconds(seconds), null));
            }
            System.out.println();
            harness.threadBreakdowns.forEach(System.out::println);
            System.out.println();
            System.out.println(harness.plainRequests(2, Duration.ofSeconds(seconds)));
            System.out.println(harness.idle(Duration.ofSeconds(10)));
            System.out.println();
            System.out.println(harness.flood(64, Duration.ofSeconds(10)));
        }
    }

    /** Runs closed-loop logins; returns a Markdown table row (or prints progress for a warm-up). */
    private String run(int concurrency, Duration duration, String label) throws InterruptedException {
        Map<String, Double> cpuBefore = cpu();
        Map<String, Double> authThreadsBefore = dc.service("auth-service").cpuSecondsByThreadGroup();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        LongAdder errors = new LongAdder();
        long started = System.nanoTime();
        closedLoop(concurrency, duration, () -> {
            long begin = System.nanoTime();
            try {
                login(account());
                latencies.add(System.nanoTime() - begin);
            } catch (Exception failed) {
                errors.increment();
            }
        });
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuAfter = cpu();
        Map<String, Double> authThreadsAfter = dc.service("auth-service").cpuSecondsByThreadGroup();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int logins = sorted.size();
        if (label != null) {
            System.out.printf("%s: %d logins in %.1f s%n", label, logins, elapsed);
            return "";
        }
        double authCpu = (cpuAfter.get("auth-service") - cpuBefore.get("auth-service")) / Math.max(1, logins);
        double otpCpu = (cpuAfter.get("otp-service") - cpuBefore.get("otp-service")) / Math.max(1, logins);
        // The hashing threads' own CPU varies most between runs on a shared VM; the rest is the steadier figure.
        double hashing = hashingSeconds(authThreadsBefore, authThreadsAfter) / Math.max(1, logins);
        threadBreakdowns.add(threadBreakdown(concurrency, authThreadsBefore, authThreadsAfter,
                cpuAfter.get("auth-service") - cpuBefore.get("auth-service"), logins));
        // The hashing threads' CPU per login is one hash as this machine runs it during this very run, so the
        // ratio does not move with the speed of the shared VM, which changes the absolute figures by a third.
        return "| %d | %.1f | %.1f | %.1f | %d | %.4f | %.4f | %.4f | %.4f | %.2f | %s |".formatted(concurrency, logins / elapsed,
                percentile(sorted, 0.50), percentile(sorted, 0.99), errors.sum(), authCpu, otpCpu, authCpu + otpCpu,
                authCpu + otpCpu - hashing, (authCpu + otpCpu) / hashing, peaks());
    }

    /**
     * auth-service CPU per login split into the password-hashing threads (a fixed pool, so their
     * counters are complete) and everything else (the process total minus the hashing threads;
     * per-group figures for the rest would miss threads that ended during the run).
     */
    private static String threadBreakdown(int concurrency, Map<String, Double> before, Map<String, Double> after,
                                          double processCpuSeconds, int logins) {
        double hashing = hashingSeconds(before, after);
        StringBuilder line = new StringBuilder("auth-service CPU ms/login at concurrency %d: password-hashing threads %.2f, everything else %.2f (live thread groups:"
                .formatted(concurrency, hashing * 1000 / Math.max(1, logins), (processCpuSeconds - hashing) * 1000 / Math.max(1, logins)));
        after.entrySet().stream()
                .filter(group -> !group.getKey().equals(HASHING_THREADS))
                .map(group -> Map.entry(group.getKey(), (group.getValue() - before.getOrDefault(group.getKey(), 0.0)) * 1000 / Math.max(1, logins)))
                .filter(group -> group.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(group -> line.append(" %s %.2f;".formatted(group.getKey(), group.getValue())));
        return line.append(')').toString();
    }

    private static double hashingSeconds(Map<String, Double> before, Map<String, Double> after) {
        return after.getOrDefault(HASHING_THREADS, 0.0) - before.getOrDefault(HASHING_THREADS, 0.0);
    }

    /**
     * The cheapest request auth-service answers through the same stack as a login step (HTTP, the
     * request filters, RESTEasy Reactive, JSON, metrics) and nothing else: what one inbound call
     * costs before any work. A login is two such calls at auth-service, two at otp-service and two
     * outbound calls from auth-service to otp-service.
     */
    private String plainRequests(int concurrency, Duration duration) throws InterruptedException {
        double before = dc.service("auth-service").cpuSeconds();
        LongAdder answered = new LongAdder();
        LongAdder failed = new LongAdder();
        long started = System.nanoTime();
        closedLoop(concurrency, duration, () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(dc.authUrl() + "/api/v1/web/settings"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                (response.statusCode() == 200 ? answered : failed).increment();
            } catch (Exception e) {
                failed.increment();
            }
        });
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpu = dc.service("auth-service").cpuSeconds() - before;
        return "Plain request probe: GET /api/v1/web/settings, %d clients for %d s -> %.0f requests/s, %d failed; auth-service CPU %.3f ms per request"
                .formatted(concurrency, duration.toSeconds(), answered.sum() / elapsed, failed.sum(), cpu * 1000 / Math.max(1, answered.sum()));
    }

    /** What the services spend with nobody signing in (health checks, pollers, replication shipping). */
    private String idle(Duration duration) throws InterruptedException {
        Map<String, Double> before = cpu();
        Thread.sleep(duration.toMillis());
        Map<String, Double> after = cpu();
        StringBuilder line = new StringBuilder("Idle for %d s, CPU ms per second:".formatted(duration.toSeconds()));
        after.forEach((service, seconds) -> line.append(" %s %.1f;".formatted(service, (seconds - before.get(service)) * 1000 / duration.toSeconds())));
        return line.toString();
    }

    /** Many more password checks in flight than cores: the bounded pool must shed load with 503 + Retry-After. */
    private String flood(int concurrency, Duration duration) throws InterruptedException {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder withRetryAfter = new LongAdder();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        closedLoop(concurrency, duration, () -> {
            long begin = System.nanoTime();
            try {
                HttpResponse<String> response = post("/api/v1/login/password",
                        "{\"userId\":\"NOBODY%d\",\"password\":\"x\",\"function\":\"ONLINE_FUNCTIONS\"}".formatted(begin % 100000));
                statuses.computeIfAbsent(response.statusCode(), status -> new LongAdder()).increment();
                if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                    withRetryAfter.increment();
                }
            } catch (Exception failed) {
                statuses.computeIfAbsent(-1, status -> new LongAdder()).increment();
            }
            latencies.add(System.nanoTime() - begin);
        });
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Map<Integer, Long> counts = new HashMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return "Overload probe: %d concurrent password steps for %d s -> statuses %s (503 with Retry-After: %d), p50 %.1f ms, p99 %.1f ms"
                .formatted(concurrency, duration.toSeconds(), counts, withRetryAfter.sum(), percentile(sorted, 0.5), percentile(sorted, 0.99));
    }

    /** {@code clients} threads each repeat {@code request} back to back until the duration is over. */
    private static void closedLoop(int clients, Duration duration, Runnable request) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    request.run();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void login(String userId) throws IOException, InterruptedException {
        String email = userId.toLowerCase() + "@load.example";
        int before = dc.smtp().messages(email).size();
        HttpResponse<String> step1 = post("/api/v1/login/password",
                "{\"userId\":\"%s\",\"password\":\"%s\",\"function\":\"ONLINE_FUNCTIONS\"}".formatted(userId, PASSWORD));
        if (step1.statusCode() != 200) {
            throw new IOException("password step " + step1.statusCode());
        }
        String transactionId = json.readTree(step1.body()).get("transactionId").asText();
        String code = awaitCode(email, before);
        HttpResponse<String> step2 = post("/api/v1/login/code",
                "{\"transactionId\":\"%s\",\"code\":\"%s\"}".formatted(transactionId, code));
        JsonNode token = json.readTree(step2.body());
        if (step2.statusCode() != 200 || !token.hasNonNull("accessToken")) {
            throw new IOException("code step " + step2.statusCode());
        }
    }

    private String awaitCode(String email, int before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<MailMessage> messages = dc.smtp().messages(email);
            if (messages.size() > before) {
                Matcher matcher = CODE.matcher(messages.get(messages.size() - 1).text());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(2);
        }
        throw new IOException("no code for " + email);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(dc.authUrl() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String account() {
        return "LOAD%05d".formatted(1 + Math.floorMod(nextAccount.getAndIncrement(), ACCOUNTS));
    }

    private String peaks() {
        return "%.0f / %.0f / %.0f".formatted(dc.service("auth-service").peakRssMib(), dc.service("otp-service").peakRssMib(),
                dc.service("datacentre-state").peakRssMib());
    }

    private Map<String, Double> cpu() {
        Map<String, Double> cpu = new HashMap<>();
        for (ServiceProcess service : dc.services()) {
            cpu.put(service.name(), service.cpuSeconds());
        }
        return cpu;
    }

    private static double percentile(List<Long> sortedNanos, double percentile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(percentile * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
