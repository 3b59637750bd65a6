package io.typedetcd.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used so far by this JVM, by the etcd process (from /proc, in clock ticks) and by the whole
 * machine: the same accounting as the Go reference benchmark, so the figures compare.
 */
record CpuSnapshot(
    long wallNanos, long clientNanos, long etcdTicks, long totalTicks, long idleTicks) {
  static final double CLK_TCK = 100.0;

  static CpuSnapshot take(long etcdPid) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long etcd = -1;
    try {
      String stat = Files.readString(Path.of("/proc/" + etcdPid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      etcd = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      // not on Linux, or etcd gone: the etcd column stays empty
    }
    long total = 0;
    long idle = 0;
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    } catch (IOException | RuntimeException e) {
      // not on Linux
    }
    return new CpuSnapshot(System.nanoTime(), os.getProcessCpuTime(), etcd, total, idle);
  }

  /** Finds the pid of the etcd whose command line names this data directory. */
  static long pidOf(Path dataDir) {
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
          if (cmd.contains(dataDir.toString())) {
            return Long.parseLong(name);
          }
        } catch (IOException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
