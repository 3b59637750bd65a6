package io.typedetcd.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Put → watch event latency, as the Go reference measures it: {@code n} puts under a fresh prefix
 * at {@code inFlight} at a time, one prefix watch; for each key the time from sending the put (and
 * from its acknowledgement) to the event's arrival.
 */
final class WatchPhase {
  private WatchPhase() {}

  static String[] run(Driver d, int inFlight, int n, byte[] value, long pid) throws Exception {
    String prefix = "w" + inFlight + "-" + System.nanoTime() + "/";
    long[] sent = new long[n];
    long[] acked = new long[n];
    long[] received = new long[n];
    CountDownLatch all = new CountDownLatch(n);
    AutoCloseable watch =
        d.watch(
                prefix,
                key -> {
                  int i = Integer.parseInt(key.substring(prefix.length()));
                  if (received[i] == 0) {
                    received[i] = System.nanoTime();
                    all.countDown();
                  }
                })
            .get(10, TimeUnit.SECONDS);
    try {
      CpuSnapshot before = CpuSnapshot.take(pid);
      Phase.run(
          d.name(),
          "",
          inFlight,
          n,
          pid,
          i -> {
            sent[i] = System.nanoTime();
            return d.put(prefix + i, value).thenRun(() -> acked[i] = System.nanoTime());
          });
      if (!all.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException(d.name() + ": watch missed events");
      }
      CpuSnapshot after = CpuSnapshot.take(pid);
      long first = Arrays.stream(sent).min().orElseThrow();
      long last = Arrays.stream(received).max().orElseThrow();
      long[] sendToEvent = new long[n];
      long[] ackToEvent = new long[n];
      for (int i = 0; i < n; i++) {
        sendToEvent[i] = received[i] - sent[i];
        ackToEvent[i] = received[i] - acked[i];
      }
      Arrays.sort(sendToEvent);
      Arrays.sort(ackToEvent);
      double clientCpu = (after.clientNanos() - before.clientNanos()) / 1e9 * 10_000 / n;
      double etcdCpu = (after.etcdTicks() - before.etcdTicks()) / CpuSnapshot.CLK_TCK * 10_000 / n;
      return new String[] {
        String.format(
            "| %s | watch: put -> event (send->event) | %d | %d | %.0f ev/s | %.3f | %.3f | %.3f"
                + " | %.3f | %.3f | |",
            d.name(),
            inFlight,
            n,
            n / ((last - first) / 1e9),
            sendToEvent[Phase.percentileIndex(n, 50)] / 1e6,
            sendToEvent[Phase.percentileIndex(n, 99)] / 1e6,
            sendToEvent[n - 1] / 1e6,
            clientCpu,
            etcdCpu),
        String.format(
            "| %s | watch: put ack -> event | %d | %d | | %.3f | %.3f | %.3f | | | |",
            d.name(),
            inFlight,
            n,
            ackToEvent[Phase.percentileIndex(n, 50)] / 1e6,
            ackToEvent[Phase.percentileIndex(n, 99)] / 1e6,
            ackToEvent[n - 1] / 1e6)
      };
    } finally {
      watch.close();
    }
  }
}
