package hk.ccms.access.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's CPU time and peak memory from Linux /proc, for the load harness's report. */
final class ProcessStats {

    /** USER_HZ: the unit of utime/stime in /proc/PID/stat on Linux. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long userTicks = Long.parseLong(fields[11]);
            long systemTicks = Long.parseLong(fields[12]);
            return (userTicks + systemTicks) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double peakRssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
