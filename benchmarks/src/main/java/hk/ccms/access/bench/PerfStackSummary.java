package hk.ccms.access.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a login's CPU goes besides the password hash, from a Linux {@code perf} recording of the
 * service JVMs (started with {@code -XX:+PreserveFramePointer}, so that stacks through compiled
 * Java code can be walked, and with {@code jcmd PID Compiler.perfmap} written for the symbols).
 * Unlike JFR's execution samples, which only see threads running Java code, {@code perf} sees every
 * CPU cycle: the kernel's work for sockets and thread switches, the JVM's runtime, native code.
 *
 * <p>Each sample is charged to the library of the frame nearest to the leaf that belongs to a known
 * library (its self time, not the time of what it called), or to the kernel when the sample was
 * taken in the kernel. The JDK and the JVM runtime are charged only when no library frame is on the
 * stack. Reads the text of {@code perf script -F comm,pid,tid,ip,sym}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar hk.ccms.access.bench.PerfStackSummary perf.txt LOGINS SAMPLE_HZ auth-service=PID otp-service=PID</pre>
 */
public final class PerfStackSummary {

    static final String KERNEL = "kernel (system calls, thread switches, network)";
    static final String OTHER = "other";

    private record Library(String name, Pattern frames) {
    }

    /** One line of a sample's stack: the instruction address and the symbol perf resolved it to. */
    record Frame(String address, String symbol) {

        boolean inKernel() {
            return address.startsWith("ffffffff");
        }

        /** "void io.netty.Foo.bar(int)" → "io.netty.Foo.bar"; native symbols stay as they are. */
        String method() {
            int parameters = symbol.indexOf('(');
            String withoutParameters = parameters > 0 ? symbol.substring(0, parameters) : symbol;
            return withoutParameters.substring(withoutParameters.lastIndexOf(' ') + 1);
        }
    }

    /** In order: the first that matches a frame, from the leaf, names the sample. */
    private static final List<Library> LIBRARIES = List.of(
            library("SMTP client (Vert.x mail, Quarkus mailer)", "io\\.vertx\\.ext\\.mail|io\\.quarkus\\.mailer"),
            library("Qute templates", "io\\.quarkus\\.qute"),
            library("Redis client", "io\\.vertx\\.redis|io\\.quarkus\\.redis"),
            library("REST client (RESTEasy Reactive)", "resteasy\\.reactive\\.client|io\\.quarkus\\.restclient"),
            library("Vert.x HTTP client", "Http1xClient|HttpClientImpl|HttpClientRequest|HttpClientResponse|ClientHttp|io\\.vertx\\.core\\.net\\.impl\\.pool"),
            library("Jackson JSON", "com\\.fasterxml"),
            library("logging", "org\\.jboss\\.logmanager|org\\.jboss\\.logging"),
            library("Hibernate Validator", "org\\.hibernate\\.validator"),
            library("Hibernate ORM", "org\\.hibernate\\."),
            library("PostgreSQL JDBC", "org\\.postgresql"),
            library("Agroal pool, Narayana transactions", "io\\.agroal|narayana|arjuna"),
            library("JWT, signatures (jose4j, JCA)", "org\\.jose4j|io\\.smallrye\\.jwt|java\\.security|sun\\.security"),
            library("RESTEasy Reactive server", "resteasy\\.reactive\\.server|resteasy\\.reactive\\.common"),
            library("CDI (ArC), context propagation", "io\\.quarkus\\.arc|io\\.smallrye\\.context"),
            library("Mutiny", "io\\.smallrye\\.mutiny"),
            library("HTTP/2", "http2|Http2"),
            library("Vert.x HTTP server, router", "Http1xServer|io\\.vertx\\.ext\\.web|HttpServer|io\\.quarkus\\.vertx\\.http"),
            library("this project's code", "hk\\.ccms"),
            library("Netty", "io\\.netty"),
            library("Vert.x core", "io\\.vertx\\.core"));
    /** Charged only when no frame of the sample belongs to one of the libraries. */
    private static final List<Library> FALLBACKS = List.of(
            library("JDK classes", "^(java|jdk|sun)\\."),
            library("JVM runtime (interpreter, stubs, GC)", "::|^JVM_|^jni_|^Interpreter|^StubRoutines|Runtime1|vtable|itable"));

    private final Map<String, Map<String, Long>> samplesByService = new TreeMap<>();

    /** Reads perf script text; {@code services} maps a process id to the name it is reported under. */
    static PerfStackSummary read(BufferedReader perfScript, Map<String, String> services) throws IOException {
        PerfStackSummary summary = new PerfStackSummary();
        String service = null;
        List<Frame> frames = new ArrayList<>();
        for (String line; (line = perfScript.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                summary.charge(service, frames);
                service = serviceOfSample(line, services);
                frames = new ArrayList<>();
            } else if (service != null) {
                String[] addressAndSymbol = line.strip().split(" ", 2);
                frames.add(new Frame(addressAndSymbol[0], addressAndSymbol.length > 1 ? addressAndSymbol[1] : ""));
            }
        }
        summary.charge(service, frames);
        return summary;
    }

    /** A sample's header is "comm pid/tid"; the password-hashing threads are the hash, not the rest. */
    private static String serviceOfSample(String header, Map<String, String> services) {
        int split = header.lastIndexOf(' ', header.stripTrailing().length() - 1);
        String thread = header.substring(0, Math.max(0, split)).strip();
        String pid = header.substring(split + 1).strip().split("/")[0];
        return thread.startsWith(LoginLoadHarness.HASHING_THREADS) ? null : services.get(pid);
    }

    private void charge(String service, List<Frame> frames) {
        if (service != null && !frames.isEmpty()) {
            samplesByService.computeIfAbsent(service, name -> new LinkedHashMap<>()).merge(libraryOf(frames), 1L, Long::sum);
        }
    }

    static String libraryOf(List<Frame> frames) {
        if (frames.get(0).inKernel()) {
            return KERNEL;
        }
        return firstMatch(frames, LIBRARIES).or(() -> firstMatch(frames, FALLBACKS)).orElse(OTHER);
    }

    private static Optional<String> firstMatch(List<Frame> frames, List<Library> libraries) {
        for (Frame frame : frames) {
            String method = frame.method();
            for (Library library : libraries) {
                if (library.frames().matcher(method).find()) {
                    return Optional.of(library.name());
                }
            }
        }
        return Optional.empty();
    }

    Map<String, Map<String, Long>> samplesByService() {
        return samplesByService;
    }

    /** A Markdown table: milliseconds of CPU per login, in all and per service, largest first. */
    String table(long logins, double sampleHz) {
        double millisPerSample = 1000 / sampleHz / logins;
        Map<String, Long> totals = new LinkedHashMap<>();
        samplesByService.values().forEach(samples -> samples.forEach((library, count) -> totals.merge(library, count, Long::sum)));
        List<String> services = List.copyOf(samplesByService.keySet());
        StringBuilder table = new StringBuilder("| CPU ms per login | all | " + String.join(" | ", services) + " |\n|---|---|"
                + "---|".repeat(services.size()) + "\n");
        table.append(row("**everything besides the hash**", totals.values().stream().mapToLong(Long::longValue).sum(),
                services.stream().map(service -> samplesByService.get(service).values().stream().mapToLong(Long::longValue).sum()).toList(),
                millisPerSample));
        totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(library -> table.append(row(library.getKey(), library.getValue(),
                        services.stream().map(service -> samplesByService.get(service).getOrDefault(library.getKey(), 0L)).toList(),
                        millisPerSample)));
        return table.toString();
    }

    private static String row(String label, long all, List<Long> perService, double millisPerSample) {
        StringBuilder row = new StringBuilder("| %s | %.2f |".formatted(label, all * millisPerSample));
        perService.forEach(samples -> row.append(" %.2f |".formatted(samples * millisPerSample)));
        return row.append('\n').toString();
    }

    private static Library library(String name, String frames) {
        return new Library(name, Pattern.compile(frames));
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: PerfStackSummary perf-script.txt logins sample-hz name=pid...");
            System.exit(2);
        }
        Map<String, String> services = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] nameAndPid = args[i].split("=", 2);
            services.put(nameAndPid[1], nameAndPid[0]);
        }
        try (BufferedReader perfScript = Files.newBufferedReader(Path.of(args[0]))) {
            System.out.print(read(perfScript, services).table(Long.parseLong(args[1]), Double.parseDouble(args[2])));
        }
    }
}
