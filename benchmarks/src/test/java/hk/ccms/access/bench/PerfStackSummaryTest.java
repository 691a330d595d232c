package hk.ccms.access.bench;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerfStackSummaryTest {

    private static final String RECORDING = """
            executor-thread  100/101  
            \t    7fba0d64c1a4 void org.jboss.resteasy.reactive.server.handlers.ResponseHandler.handle(org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext)
            \t    7fba0c409452 Interpreter

            vert.x-eventloo  100/102  
            \tffffffff81a00000 do_syscall_64
            \t    7fba0d2a02cb void io.netty.channel.nio.NioEventLoop.run()

            password-hashin  100/103  
            \t    7f445e944e33 [unknown]

            VM Thread  100/104  
            \t          8282d2 VMThread::run

            vert.x-eventloo  200/202  
            \t    7fba0d2a02cb java.lang.String java.lang.String.valueOf(int)
            \t    7fba0d2a02cc void io.vertx.redis.client.impl.RedisStandaloneConnection.doSend(io.vertx.redis.client.Request)
            \t    7fba0d2a02cd void io.netty.util.concurrent.SingleThreadEventExecutor.runAllTasks(long)

            executor-thread  300/301  
            \t    7fba0d64c1a4 void io.netty.channel.nio.NioEventLoop.run()
            """;

    @Test
    void chargesEachSampleToTheLibraryNearestItsLeafAndLeavesOutTheHashAndOtherProcesses() throws IOException {
        PerfStackSummary summary = PerfStackSummary.read(new BufferedReader(new StringReader(RECORDING)),
                Map.of("100", "auth-service", "200", "otp-service"));

        assertEquals(Map.of(
                        "auth-service", Map.of("RESTEasy Reactive server", 1L, PerfStackSummary.KERNEL, 1L,
                                "JVM runtime (interpreter, stubs, GC)", 1L),
                        "otp-service", Map.of("Redis client", 1L)),
                summary.samplesByService());
    }

    @Test
    void theJdkAndTheJvmAreChargedOnlyWhenNoLibraryIsOnTheStack() {
        assertEquals("JDK classes", PerfStackSummary.libraryOf(List.of(
                frame("java.lang.Object java.util.HashMap.get(java.lang.Object)"), frame("Interpreter"))));
        assertEquals("Netty", PerfStackSummary.libraryOf(List.of(
                frame("java.lang.Object java.util.HashMap.get(java.lang.Object)"), frame("void io.netty.util.Recycler.get()"))));
        assertEquals(PerfStackSummary.OTHER, PerfStackSummary.libraryOf(List.of(frame("__libc_write"))));
    }

    @Test
    void tableGivesMillisecondsPerLoginLargestFirst() throws IOException {
        PerfStackSummary summary = PerfStackSummary.read(new BufferedReader(new StringReader(RECORDING)),
                Map.of("100", "auth-service", "200", "otp-service"));

        String table = summary.table(2, 1000);

        assertTrue(table.startsWith("| CPU ms per login | all | auth-service | otp-service |\n|---|---|---|---|\n"
                + "| **everything besides the hash** | 2.00 | 1.50 | 0.50 |\n"), table);
        assertTrue(table.contains("| Redis client | 0.50 | 0.00 | 0.50 |\n"), table);
    }

    private static PerfStackSummary.Frame frame(String symbol) {
        return new PerfStackSummary.Frame("7fba0d2a02cb", symbol);
    }
}
