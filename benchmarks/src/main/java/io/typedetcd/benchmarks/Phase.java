package io.typedetcd.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs {@code n} operations with {@code inFlight} of them outstanding at any time (each lane issues
 * its next operation when the previous completes, from the callback or, with {@code
 * -Dshape=threads}, from a thread that blocked on it), recording each one's latency.
 */
final class Phase {
  /**
   * {@code -Dshape=virtual} (Java 21 or later): like {@code threads}, each lane a virtual thread,
   * the JVM's counterpart of a goroutine. Found reflectively: the benchmarks compile for Java 17.
   */
  static final boolean VIRTUAL = "virtual".equals(System.getProperty("shape"));

  /**
   * {@code -Dshape=threads}: each in-flight operation is a thread blocking on its call (the Go
   * reference's shape: one goroutine per in-flight operation); default: callbacks chain the next.
   */
  static final boolean BLOCKING_THREADS = VIRTUAL || "threads".equals(System.getProperty("shape"));

  private Phase() {}

  record Result(
      String client,
      String phase,
      int inFlight,
      int ops,
      double perSecond,
      double p50Ms,
      double p99Ms,
      double maxMs,
      double clientCpuPer10k,
      double etcdCpuPer10k,
      double busyPercent) {
    String row() {
      return String.format(
          "| %s | %s | %d | %d | %.0f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f%% |",
          client,
          phase,
          inFlight,
          ops,
          perSecond,
          p50Ms,
          p99Ms,
          maxMs,
          clientCpuPer10k,
          etcdCpuPer10k,
          busyPercent);
    }
  }

  static final String HEADER =
      "| client | phase | in-flight | ops | throughput (ops/s) | p50 ms | p99 ms | max ms"
          + " | client CPU s/10k ops | etcd CPU s/10k ops | machine busy |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|";

  static Result run(
      String client,
      String phase,
      int inFlight,
      int n,
      long etcdPid,
      IntFunction<CompletableFuture<?>> op)
      throws InterruptedException {
    return run(client, phase, inFlight, n, etcdPid, op, r -> {});
  }

  /** Like the above, each operation's result passed to {@code check} by the lane that waited. */
  static Result run(
      String client,
      String phase,
      int inFlight,
      int n,
      long etcdPid,
      IntFunction<CompletableFuture<?>> op,
      Consumer<Object> check)
      throws InterruptedException {
    long[] latency = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> error = new AtomicReference<>();
    CountDownLatch lanes = new CountDownLatch(inFlight);
    CpuSnapshot before = CpuSnapshot.take(etcdPid);
    for (int l = 0; l < inFlight; l++) {
      if (BLOCKING_THREADS) {
        Runnable body = () -> blockingLane(next, n, latency, op, check, error, lanes);
        Thread t = VIRTUAL ? virtualThread(body) : new Thread(body);
        t.setDaemon(true);
        t.start();
      } else {
        lane(next, n, latency, op, check, error, lanes);
      }
    }
    if (!lanes.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(phase + " did not finish in 10 minutes");
    }
    CpuSnapshot after = CpuSnapshot.take(etcdPid);
    if (error.get() != null) {
      throw new IllegalStateException(client + " " + phase + " failed", error.get());
    }
    Arrays.sort(latency);
    double seconds = (after.wallNanos() - before.wallNanos()) / 1e9;
    double clientCpu = (after.clientNanos() - before.clientNanos()) / 1e9 * 10_000 / n;
    double etcdCpu = (after.etcdTicks() - before.etcdTicks()) / CpuSnapshot.CLK_TCK * 10_000 / n;
    long dt = after.totalTicks() - before.totalTicks();
    double busy = dt == 0 ? 0 : 100.0 * (dt - (after.idleTicks() - before.idleTicks())) / dt;
    return new Result(
        client,
        phase,
        inFlight,
        n,
        n / seconds,
        ms(percentile(latency, 50)),
        ms(percentile(latency, 99)),
        ms(latency[n - 1]),
        clientCpu,
        etcdCpu,
        busy);
  }

  private static Thread virtualThread(Runnable body) {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (Thread)
          Class.forName("java.lang.Thread$Builder")
              .getMethod("unstarted", Runnable.class)
              .invoke(builder, body);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("-Dshape=virtual needs Java 21 or later", e);
    }
  }

  /** A thread that waits for each operation before starting the next, like the Go reference. */
  private static void blockingLane(
      AtomicInteger next,
      int n,
      long[] latency,
      IntFunction<CompletableFuture<?>> op,
      Consumer<Object> check,
      AtomicReference<Throwable> error,
      CountDownLatch lanes) {
    int i;
    while ((i = next.getAndIncrement()) < n && error.get() == null) {
      long start = System.nanoTime();
      try {
        check.accept(op.apply(i).get());
      } catch (Exception e) {
        error.compareAndSet(null, e);
      }
      latency[i] = System.nanoTime() - start;
    }
    lanes.countDown();
  }

  private static void lane(
      AtomicInteger next,
      int n,
      long[] latency,
      IntFunction<CompletableFuture<?>> op,
      Consumer<Object> check,
      AtomicReference<Throwable> error,
      CountDownLatch lanes) {
    int i = next.getAndIncrement();
    if (i >= n || error.get() != null) {
      lanes.countDown();
      return;
    }
    long start = System.nanoTime();
    op.apply(i)
        .whenComplete(
            (r, e) -> {
              latency[i] = System.nanoTime() - start;
              Throwable failed = e;
              if (failed == null) {
                try {
                  check.accept(r);
                } catch (RuntimeException x) {
                  failed = x;
                }
              }
              if (failed != null) {
                error.compareAndSet(null, failed);
              }
              lane(next, n, latency, op, check, error, lanes);
            });
  }

  static long percentile(long[] sorted, double p) {
    return sorted[percentileIndex(sorted.length, p)];
  }

  static int percentileIndex(int n, double p) {
    int idx = (int) Math.ceil(n * p / 100.0) - 1;
    return Math.max(0, Math.min(n - 1, idx));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
