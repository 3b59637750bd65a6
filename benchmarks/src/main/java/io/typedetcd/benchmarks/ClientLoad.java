package io.typedetcd.benchmarks;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.testing.EtcdServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Put, linearizable get and serializable get load against one local etcd it starts, for our client,
 * jetcd and raw gRPC stubs in one run, in the shapes of the Go clientv3 reference ({@code
 * shared/bench/go-clientv3}): 10-byte keys, 256-byte values, 1/16/128 requests in flight.
 *
 * <pre>{@code
 * benchmarks/run.sh ClientLoad -Dops=20000 -Dwarmup=2000 -Dconc=1,16,128
 * }</pre>
 */
public final class ClientLoad {
  private ClientLoad() {}

  public static void main(String[] args) throws Exception {
    int ops = Integer.getInteger("ops", 20_000);
    int warmup = Integer.getInteger("warmup", 2_000);
    List<Integer> concs = new ArrayList<>();
    for (String c : System.getProperty("conc", "1,16,128").split(",")) {
      concs.add(Integer.parseInt(c.trim()));
    }
    List<String> clients =
        List.of(System.getProperty("clients", "typed,typed-inline,jetcd,raw").split(","));
    byte[] value = new byte[256];
    new Random(42).nextBytes(value);

    // -Dendpoint (and -DetcdPid for its CPU) measures against a running etcd instead of one of
    // our own: then Go's reference can run against the same etcd, in the same state, in turns.
    String external = System.getProperty("endpoint");
    if (external != null) {
      long pid = Long.getLong("etcdPid", -1);
      System.out.printf("etcd at %s (pid %d, not ours)%n%n", external, pid);
      run(external, pid, ops, warmup, concs, clients, value);
      return;
    }
    try (EtcdServer etcd = BenchEtcd.builder("bench").build()) {
      etcd.start();
      long pid = CpuSnapshot.pidOf(etcd.dataDir());
      System.out.printf(
          "etcd at %s (pid %d, data in %s), %s %s, %d cores%n%n",
          etcd.endpoint(),
          pid,
          etcd.dataDir(),
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      run(etcd.endpoint(), pid, ops, warmup, concs, clients, value);
    }
  }

  private static void run(
      String endpoint,
      long pid,
      int ops,
      int warmup,
      List<Integer> concs,
      List<String> clients,
      byte[] value)
      throws Exception {
    List<Driver> drivers = new ArrayList<>();
    try {
      for (String name : clients) {
        drivers.add(driver(name.trim(), endpoint));
      }
      // Warm every client up before measuring any: in one JVM, whoever runs first would
      // otherwise pay for compiling the gRPC and Netty code all clients share. -DwarmupSeconds
      // (default 30): C2 is still compiling Netty and gRPC after 10 s of load.
      long warmUntil = System.nanoTime() + Long.getLong("warmupSeconds", 30) * 1_000_000_000L;
      do {
        for (Driver d : drivers) {
          warmUp(d, ops, warmup, value, pid);
        }
      } while (System.nanoTime() - warmUntil < 0);
      compactAll(endpoint);
      for (Driver d : drivers) {
        warmUp(d, ops, warmup, value, pid); // past the compaction's after-effects
      }
      System.out.println(Phase.HEADER);
      for (Driver d : drivers) {
        measure(d, ops, warmup, concs, value, pid);
      }
    } finally {
      for (Driver d : drivers) {
        d.close();
      }
    }
  }

  /**
   * Drops the warm-up's history, so the measured phases meet an etcd holding what a short run (like
   * the Go reference's) would leave: a longer history only grows etcd's heap and its GC cycles.
   */
  private static void compactAll(String endpoint) throws Exception {
    try (EtcdClient admin = EtcdClient.builder().endpoints(endpoint).build()) {
      long revision = admin.kv().get("k").get().header().revision();
      admin.kv().compact(revision, true).get();
    }
  }

  private static void warmUp(Driver d, int ops, int warmup, byte[] value, long pid)
      throws InterruptedException {
    String n = d.name();
    for (int c : List.of(1, 16, 128)) {
      Phase.run(n, "", c, warmup * 3, pid, i -> d.put(key(i % ops), value));
      Phase.run(n, "", c, warmup * 3, pid, i -> d.get(key(i % ops), i % 2 == 0), d::checkOne);
    }
  }

  private static void measure(
      Driver d, int ops, int warmup, List<Integer> concs, byte[] value, long pid) throws Exception {
    String n = d.name();
    List<String> phases = List.of(System.getProperty("phases", "put,get,watch").split(","));
    List<Integer> gets = phases.contains("get") ? concs : List.of();
    for (int c : phases.contains("put") ? concs : List.<Integer>of()) {
      Phase.run(n, "", c, warmup, pid, i -> d.put(key(i % ops), value));
      print(Phase.run(n, "put", c, ops, pid, i -> d.put(key(i % ops), value)));
    }
    for (int c : gets) {
      Phase.run(n, "", c, warmup, pid, i -> d.get(key(i % ops), false), d::checkOne);
      print(
          Phase.run(
              n, "get linearizable", c, ops, pid, i -> d.get(key(i % ops), false), d::checkOne));
    }
    for (int c : gets) {
      Phase.run(n, "", c, warmup, pid, i -> d.get(key(i % ops), true), d::checkOne);
      print(
          Phase.run(
              n, "get serializable", c, ops, pid, i -> d.get(key(i % ops), true), d::checkOne));
    }
    for (int c : phases.contains("watch") ? concs : List.<Integer>of()) {
      for (String row : WatchPhase.run(d, c, ops, value, pid)) {
        System.out.println(row);
      }
    }
  }

  private static void print(Phase.Result r) {
    System.out.println(r.row());
  }

  /** {@code k000000042}: 10 bytes, like the Go reference's keys. */
  static String key(int i) {
    char[] c = {'k', '0', '0', '0', '0', '0', '0', '0', '0', '0'};
    for (int p = 9; i > 0 && p > 0; p--, i /= 10) {
      c[p] = (char) ('0' + i % 10);
    }
    return new String(c);
  }

  private static Driver driver(String name, String endpoint) {
    if (name.equals("typed")) {
      return new TypedEtcdDriver(endpoint, System.getProperty("typedExecutor", "default"));
    }
    if (name.startsWith("typed-")) {
      return new TypedEtcdDriver(endpoint, name.substring("typed-".length()));
    }
    return switch (name) {
      case "jetcd" -> new JetcdDriver(endpoint);
      case "raw" -> new RawGrpcDriver(endpoint);
      default ->
          throw new IllegalArgumentException(
              "unknown client '"
                  + name
                  + "'; use typed, typed-<executor> (inline, cached, forkJoin, commonPool), jetcd"
                  + " or raw");
    };
  }
}
