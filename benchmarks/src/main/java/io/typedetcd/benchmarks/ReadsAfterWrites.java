package io.typedetcd.benchmarks;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.KV;
import io.typedetcd.testing.EtcdServer;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * What a read costs etcd 3.4 depending on the writes before it, with one client throughout.
 *
 * <p>etcd copies its backend's write buffer on every read, at the buffer's high-water length: the
 * most writes it held between two commits. The length only drops when a commit finds the key bucket
 * untouched (a compaction does that). So reads that follow fast writes cost etcd more than the same
 * reads after slow writes, whichever client reads: a benchmark that puts and then gets handicaps
 * the reads of whichever client put faster. Run: {@code benchmarks/run.sh ReadsAfterWrites
 * [-Dops=20000 -Drounds=2]}.
 */
public final class ReadsAfterWrites {
  private ReadsAfterWrites() {}

  public static void main(String[] args) throws Exception {
    int ops = Integer.getInteger("ops", 20_000);
    int rounds = Integer.getInteger("rounds", 2);
    String value = "x".repeat(256);
    EtcdServer.Builder builder = BenchEtcd.builder("reads-after-writes");
    try (EtcdServer etcd = builder.build()) {
      etcd.start();
      long pid = CpuSnapshot.pidOf(etcd.dataDir());
      try (EtcdClient client =
          EtcdClient.builder().endpoints(etcd.endpoint()).executor(Runnable::run).build()) {
        KV kv = client.kv();
        IntFunction<CompletableFuture<?>> put = i -> kv.put(ClientLoad.key(i % ops), value);
        IntFunction<CompletableFuture<?>> get = i -> kv.get(ClientLoad.key(i % ops));
        System.out.println(Phase.HEADER);
        for (int r = 0; r < rounds; r++) {
          print(Phase.run("typed-etcd", "put", 128, ops, pid, put));
          print(Phase.run("typed-etcd", "get after fast puts", 16, ops, pid, get));
          print(Phase.run("typed-etcd", "get again", 16, ops, pid, get));
          long revision = kv.get("k").get().header().revision();
          kv.compact(revision, true).get(); // physical: acknowledged after etcd commits it
          print(Phase.run("typed-etcd", "get after a compaction", 16, ops, pid, get));
          print(Phase.run("typed-etcd", "put", 1, ops / 5, pid, put));
          print(Phase.run("typed-etcd", "get after slow puts", 16, ops, pid, get));
        }
      }
    }
  }

  private static void print(Phase.Result result) {
    System.out.println(result.row());
  }
}
