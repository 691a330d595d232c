package hk.ccms.access.infra.launcher;

import hk.ccms.access.infra.launcher.DataCentreSpec.Ports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pair's ports are all known before either data centre starts, and no free port is handed out twice. */
class DataCentreSpecTest {

    @Test
    void fixedPortsStayAndFreeOnesAreDistinctAcrossBothDataCentres() {
        Ports half = new Ports(8081, 0, 0, 0, 0, 0, 0, 0, 0);

        List<Ports> resolved = Ports.resolvedTogether(List.of(half, Ports.ANY_FREE));

        assertEquals(8081, resolved.get(0).auth());
        int[] all = resolved.stream().flatMapToInt(DataCentreSpecTest::each).toArray();
        assertTrue(IntStream.of(all).allMatch(port -> port > 0));
        assertEquals(all.length, IntStream.of(all).distinct().count());
    }

    @Test
    void theLocalRunsTwoDataCentresShareNoPort() {
        assertEquals(Ports.PRIMARY, Ports.PRIMARY.resolved());
        assertEquals(18, IntStream.concat(each(Ports.PRIMARY), each(Ports.SECONDARY)).distinct().count());
    }

    private static IntStream each(Ports ports) {
        return IntStream.of(ports.auth(), ports.authTls(), ports.otp(), ports.datacentreState(), ports.inbox(), ports.postgres(),
                ports.redis(), ports.smtp(), ports.smsc());
    }
}
