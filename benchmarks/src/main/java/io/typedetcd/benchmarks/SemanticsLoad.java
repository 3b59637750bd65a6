package io.typedetcd.benchmarks;

import io.typedetcd.benchmarks.codec.Counter;
import io.typedetcd.benchmarks.codec.CounterRepository;
import io.typedetcd.benchmarks.codec.IndexedInstance;
import io.typedetcd.benchmarks.codec.IndexedInstanceRepository;
import io.typedetcd.benchmarks.codec.Instance;
import io.typedetcd.benchmarks.codec.InstanceRepository;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.DeleteResponse;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.Repositories;
import io.typedetcd.repository.Subscription;
import io.typedetcd.testing.EtcdServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Repository semantics under load against one etcd: {@code update(id, fn)} contention (8 threads on
 * 1 key and on 100 keys), save with and without indexes, and typed watch delivery (save
 * acknowledgement to listener call) at a paced event rate, the events coming from single saves and
 * from {@code saveAll} batches ({@code -Dbatches=1,10}). {@code -DonlyWatch=true} runs the watch
 * alone.
 *
 * <pre>{@code
 * benchmarks/run.sh SemanticsLoad -Dupdates=4000 -Drate=5000 -Devents=20000
 * }</pre>
 */
public final class SemanticsLoad {
  private static final long TICK_NANOS = 1_000_000;

  /** {@code -DkeepData=true}: keep every run's keys and history in etcd (it grows run by run). */
  private static final boolean KEEP_DATA = Boolean.getBoolean("keepData");

  /**
   * {@code -DshowLate=true}: print each run's wall-clock window and its events heard over 10 ms
   * after their acknowledgement, to set beside etcd's log (and GODEBUG=gctrace=1 output).
   */
  private static final boolean SHOW_LATE = Boolean.getBoolean("showLate");

  private SemanticsLoad() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = System.nanoTime();
    int updates = Integer.getInteger("updates", 4_000);
    int rate = Integer.getInteger("rate", 5_000);
    int events = Integer.getInteger("events", 20_000);
    int saves = Integer.getInteger("saves", 10_000);
    int warmups = Integer.getInteger("warmups", 1);
    List<Integer> batches =
        Arrays.stream(System.getProperty("batches", "1,10").split(","))
            .map(Integer::valueOf)
            .toList();
    EtcdServer.Builder builder = BenchEtcd.builder("bench-semantics");
    boolean onlyWatch = Boolean.getBoolean("onlyWatch");
    String etcdFlags = System.getProperty("etcdFlags", "");
    if (!etcdFlags.isBlank()) {
      builder.extraFlags(etcdFlags.trim().split("\\s+"));
    }
    try (EtcdServer etcd = builder.build()) {
      etcd.start();
      try (EtcdClient client = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
        InstanceRepository instances = Repositories.create(InstanceRepository.class, client);
        if (!onlyWatch) {
          CounterRepository counters = Repositories.create(CounterRepository.class, client);
          contention(counters, 1, updates / 4); // warm-up
          System.out.println("| benchmark | keys | threads | updates | updates/s | result |");
          System.out.println("|---|---|---|---|---|---|");
          for (int keys : List.of(1, 100)) {
            contention(counters, keys, updates);
          }
          IndexedInstanceRepository indexed =
              Repositories.create(IndexedInstanceRepository.class, client);
          System.out.println();
          System.out.println(Phase.HEADER);
          // Warm up the save paths for 15 s first: measured cold, the client CPU per save was
          // several times its warm value.
          long savesWarmUntil = System.nanoTime() + 15_000_000_000L;
          boolean measure;
          do {
            measure = System.nanoTime() - savesWarmUntil >= 0;
            int n = measure ? saves : saves / 4;
            String run = "s" + System.nanoTime() + "-";
            Phase.Result plain =
                Phase.run(
                    "repository",
                    "save, no index",
                    16,
                    n,
                    -1,
                    i ->
                        instances
                            .async()
                            .save(
                                new Instance(
                                    run,
                                    "i" + i,
                                    run + i,
                                    1,
                                    true,
                                    0,
                                    0,
                                    "z" + i % 10,
                                    List.of())));
            Phase.Result twoIndexes =
                Phase.run(
                    "repository",
                    "save, 2 indexes (1 unique)",
                    16,
                    n,
                    -1,
                    i ->
                        indexed
                            .async()
                            .save(
                                new IndexedInstance(
                                    run,
                                    "i" + i,
                                    run + i,
                                    1,
                                    true,
                                    0,
                                    0,
                                    "z" + i % 10,
                                    List.of())));
            if (measure) {
              System.out.println(plain.row());
              System.out.println(twoIndexes.row());
            }
          } while (!measure);
        }
        long etcdPid = CpuSnapshot.pidOf(etcd.dataDir());
        System.out.println();
        System.out.println(
            "| typed watch, events from | target events/s | events | achieved events/s"
                + " | p50 ms | p99 ms | max ms | client cores | etcd cores | machine busy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        // JIT, pools and heap warm-up over every batch size, until -DwarmupSeconds (default 70)
        // of JVM life: C2 is still compiling Netty and gRPC after 10 s of load.
        long warmUntil = jvmStart + Long.getLong("warmupSeconds", 70) * 1_000_000_000L;
        List<Integer> sizes = batches.stream().distinct().toList();
        do {
          for (int batch : sizes) {
            watch(client, instances, etcdPid, rate, batch, events / 2);
          }
        } while (System.nanoTime() - warmUntil < 0);
        Map<Integer, List<long[]>> measured = new TreeMap<>();
        for (int batch : batches) {
          for (int w = 0; w < warmups; w++) {
            watch(client, instances, etcdPid, rate, batch, events / 2);
          }
          WatchRun run = watch(client, instances, etcdPid, rate, batch, events);
          System.out.print(run.report());
          measured.computeIfAbsent(batch, b -> new ArrayList<>()).add(run.latency());
        }
        printPooled(measured);
      }
    }
  }

  /** 8 threads each applying increments through update(id, fn) to {@code keys} counters. */
  private static void contention(CounterRepository repo, int keys, int updates) throws Exception {
    String run = "c" + System.nanoTime() + "-";
    for (int k = 0; k < keys; k++) {
      repo.save(new Counter(run + k, 0, 0));
    }
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    Future<?>[] workers = new Future<?>[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          pool.submit(
              () -> {
                long i;
                while ((i = next.getAndIncrement()) < updates) {
                  repo.update(run + (i % keys), Counter::increment);
                }
                return null;
              });
    }
    for (Future<?> w : workers) {
      w.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long total = 0;
    for (int k = 0; k < keys; k++) {
      total += repo.findById(run + k).orElseThrow().value();
    }
    if (updates > 1000) {
      System.out.printf(
          "| update(id, fn) contention | %d | %d | %d | %.0f | sum of counters %d (%s) |%n",
          keys,
          threads,
          updates,
          updates / seconds,
          total,
          total == updates ? "exact" : "LOST UPDATES");
    }
  }

  /** One typed-watch run: its table row (and late bursts) and its sorted latencies. */
  private record WatchRun(String report, long[] latency) {}

  /**
   * Saves at a steady rate, {@code batch} entities per save call ({@code saveAll} when more than
   * one: one transaction, one revision), issued on 1 ms ticks; measures save acknowledgement to
   * typed listener call, and the CPU the client JVM and etcd spent per event.
   */
  private static WatchRun watch(
      EtcdClient client, InstanceRepository repo, long etcdPid, int rate, int batch, int n)
      throws Exception {
    String run = "w" + System.nanoTime();
    long[] acked = new long[n];
    long[] heard = new long[n];
    long[] sent = new long[n];
    CountDownLatch all = new CountDownLatch(n);
    Subscription sub =
        repo.watchAll(
            (EntityEvent<Instance, Instance.Id> e) -> {
              if (e instanceof EntityEvent.Created<Instance, Instance.Id> c
                  && c.entity().region().equals(run)) {
                int i = Integer.parseInt(c.entity().id());
                heard[i] = System.nanoTime();
                all.countDown();
              }
            });
    sub.started().get(10, TimeUnit.SECONDS);
    try {
      long interval = 1_000_000_000L * batch / rate; // between save calls
      List<CompletableFuture<?>> saves = new ArrayList<>();
      CpuSnapshot before = CpuSnapshot.take(etcdPid);
      long begin = System.nanoTime();
      int i = 0;
      for (long call = 0; i < n; ) {
        // Sleep to the next 1 ms tick, then send every call due by now. A pacer that spins or
        // wakes per call would take a core of the two from etcd and the client being measured.
        LockSupport.parkNanos(TICK_NANOS - (System.nanoTime() - begin) % TICK_NANOS);
        long now = System.nanoTime();
        for (; i < n && begin + call * interval <= now; call++) {
          int from = i;
          int to = Math.min(n, i + batch);
          List<Instance> entities = new ArrayList<>(to - from);
          for (int k = from; k < to; k++) {
            entities.add(
                new Instance(run, Integer.toString(k), "h", 1, true, 0, 0, "z", List.of()));
          }
          for (int k = from; k < to; k++) {
            sent[k] = System.nanoTime();
          }
          CompletableFuture<?> saved =
              to - from == 1 ? repo.async().save(entities.get(0)) : repo.async().saveAll(entities);
          saves.add(
              saved.thenRun(
                  () -> {
                    long t = System.nanoTime();
                    for (int k = from; k < to; k++) {
                      acked[k] = t;
                    }
                  }));
          i = to;
        }
      }
      if (!all.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("typed watch missed events");
      }
      CompletableFuture.allOf(saves.toArray(CompletableFuture<?>[]::new)).get(1, TimeUnit.MINUTES);
      CpuSnapshot after = CpuSnapshot.take(etcdPid);
      long end = Arrays.stream(heard).max().orElseThrow();
      long[] latency = new long[n];
      for (int k = 0; k < n; k++) {
        // An event may arrive before the save's own acknowledgement: that counts as 0.
        latency[k] = Math.max(0, heard[k] - acked[k]);
      }
      Arrays.sort(latency);
      // Formatted whether printed or not: a branch first taken in the measured run would
      // deoptimize this method, and the saves compiled into it, at the start of the measurement.
      double wall = (after.wallNanos() - before.wallNanos()) / 1e9;
      long ticks = after.totalTicks() - before.totalTicks();
      String report =
          (SHOW_LATE ? lateReport(run, begin, sent, acked, heard) : "")
              + String.format(
                  "| %s | %d | %d | %.0f | %.3f | %.3f | %.3f | %.2f | %.2f | %.0f%% |%n",
                  source(batch),
                  rate,
                  n,
                  n / ((end - begin) / 1e9),
                  latency[Phase.percentileIndex(n, 50)] / 1e6,
                  latency[Phase.percentileIndex(n, 99)] / 1e6,
                  latency[n - 1] / 1e6,
                  (after.clientNanos() - before.clientNanos()) / 1e9 / wall,
                  (after.etcdTicks() - before.etcdTicks()) / CpuSnapshot.CLK_TCK / wall,
                  100.0 * (ticks - (after.idleTicks() - before.idleTicks())) / ticks);
      return new WatchRun(report, latency);
    } finally {
      sub.close();
      if (!KEEP_DATA) {
        // Leave etcd as the run found it, like a deployment with auto-compaction: otherwise every
        // run adds its keys and revisions to etcd's heap, and its Go GC cycles grow until their
        // assists stall raft for ~100 ms (seen with GODEBUG=gctrace=1), whoever the client is.
        DeleteResponse deleted =
            client
                .kv()
                .delete("/bench/instances/" + run + "/", DeleteOptions.DEFAULT.withPrefix())
                .get();
        client
            .kv()
            .compact(deleted.header().revision(), true)
            .get(); // physical: done before the next run
      }
    }
  }

  /** What a run's events come from, as the tables name it. */
  private static String source(int batch) {
    return batch == 1 ? "save" : "saveAll of " + batch;
  }

  /** Every measured event of each batch size in one distribution: a p99 over all runs. */
  private static void printPooled(Map<Integer, List<long[]>> measured) {
    System.out.println();
    System.out.println(
        "| typed watch, all runs pooled | runs | events | p50 ms | p99 ms | p99.9 ms | max ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    measured.forEach(
        (batch, runs) -> {
          long[] all = runs.stream().flatMapToLong(Arrays::stream).sorted().toArray();
          System.out.printf(
              "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n",
              source(batch),
              runs.size(),
              all.length,
              Phase.percentile(all, 50) / 1e6,
              Phase.percentile(all, 99) / 1e6,
              Phase.percentile(all, 99.9) / 1e6,
              all[all.length - 1] / 1e6);
        });
  }

  /** One line per burst of late events: when it was sent, its ack delay and its event delay. */
  private static String lateReport(
      String run, long begin, long[] sent, long[] acked, long[] heard) {
    long now = System.nanoTime();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "run %s %s .. %s%n", run, Instant.now().minusNanos(now - begin), Instant.now()));
    boolean inBurst = false;
    for (int k = 0; k < sent.length; k++) {
      boolean late = heard[k] - acked[k] > 10_000_000L;
      if (late && !inBurst) {
        out.append(
            String.format(
                "  late from event %d, sent at +%.1f ms: acknowledged after %.1f ms, heard after"
                    + " %.1f ms%n",
                k,
                (sent[k] - begin) / 1e6,
                (acked[k] - sent[k]) / 1e6,
                (heard[k] - sent[k]) / 1e6));
      }
      inBurst = late;
    }
    return out.toString();
  }
}
