package org.neuromechfly.dmn.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this machine and process measure while a benchmark runs: the load average (figures are only
 * comparable with the load they were taken under), the peak resident set, the heap's peak and the
 * memory available to new processes. Linux {@code /proc} files; elsewhere the values are NaN.
 */
public final class Machine {
  private Machine() {}

  /** The 1, 5 and 15 minute load averages as {@code /proc/loadavg} gives them, e.g. {@code 1.20 0.90 0.70}. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** One line on the machine: cores, load average, Java version and this process's maximum heap. */
  public static String describe() {
    return String.format("%d cores, load average %s (1/5/15 min), Java %s, max heap %.1f GB",
        Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / 1e9);
  }

  /** Peak resident set of this process (VmHWM) since it started or since {@link #resetPeakRss()}, bytes. */
  public static double peakRssBytes() {
    return procKb(Path.of("/proc/self/status"), "VmHWM:") * 1024;
  }

  /** Starts a new peak-RSS period (Linux {@code clear_refs}); false where that is not possible. */
  public static boolean resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // the peak is then the process's peak so far
    }
  }

  /** Memory the kernel reports available to new processes (MemAvailable), bytes. */
  public static double availableBytes() {
    return procKb(Path.of("/proc/meminfo"), "MemAvailable:") * 1024;
  }

  /** Starts a new period for {@link #heapPeakBytes()}. */
  public static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak use since the last reset: an upper bound of the heap's peak, bytes. */
  public static long heapPeakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * The heap in use after full collections: what is still reachable (the JVM honours the request with
   * its default collectors; two rounds let finalisable objects go), bytes.
   */
  public static long heapUsedAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double procKb(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return Double.NaN;
  }
}
