package io.typedetcd.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.testing.EtcdCluster;
import io.typedetcd.testing.EtcdClusterExtension;
import io.typedetcd.testing.EtcdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** KV under member failures on a real 3-member cluster. */
class KvFaultIT {
  // A fresh cluster per test: each test breaks members.
  @RegisterExtension
  final EtcdClusterExtension etcd =
      EtcdClusterExtension.builder().size(3).extraFlags("--grpc-keepalive-min-time=500ms").build();

  @Test
  void everyAcknowledgedWriteSurvivesALeaderKillExactlyOnce() throws Exception {
    EtcdCluster cluster = etcd.cluster();
    try (EtcdClient client =
        EtcdClient.builder()
            .endpoints(cluster.endpoints())
            .callTimeout(Duration.ofSeconds(5))
            .keepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1))
            .build()) {
      int writes = 600;
      Semaphore inFlight = new Semaphore(16);
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      Map<String, Throwable> failed = new ConcurrentHashMap<>();
      List<CompletableFuture<?>> all = new ArrayList<>();
      long killedAt = 0;
      CompletableFuture<Long> firstReadAfterKill = null;
      for (int i = 0; i < writes; i++) {
        if (i == writes / 3) {
          EtcdServer leader = cluster.leader();
          cluster.kill(leader);
          killedAt = System.nanoTime();
          firstReadAfterKill = CompletableFuture.supplyAsync(() -> awaitRead(client));
        }
        inFlight.acquire();
        String key = String.format("/fault/%05d", i);
        CompletableFuture<?> f =
            client
                .kv()
                .put(key, "v" + i)
                .whenComplete(
                    (r, e) -> {
                      inFlight.release();
                      if (e == null) {
                        acknowledged.add(key);
                      } else {
                        failed.put(key, e);
                      }
                    });
        all.add(f);
      }
      CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
          .exceptionally(e -> null)
          .get(60, TimeUnit.SECONDS);

      // Reads work again within seconds of the kill, while the writes go on.
      long firstRead = firstReadAfterKill.get(30, TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(firstRead - killedAt)).isLessThan(Duration.ofSeconds(5));

      GetResponse stored =
          Blocking.get(client.kv().get("/fault/", GetOptions.DEFAULT.withPrefix()));
      Map<String, KeyValue> byKey =
          stored.kvs().stream().collect(Collectors.toMap(KeyValue::key, kv -> kv));
      // Nothing acknowledged is lost, and nothing was applied twice (version 1 = one put).
      for (String key : acknowledged) {
        assertThat(byKey).containsKey(key);
        assertThat(byKey.get(key).version()).as("version of %s", key).isEqualTo(1);
      }
      // Writes that failed were never silently retried into a double apply either.
      for (KeyValue kv : stored.kvs()) {
        assertThat(kv.version()).as("version of %s", kv.key()).isEqualTo(1);
      }
      // Failures are typed: the outcome is unknown, or etcd was unavailable; never a raw error.
      for (Throwable t : failed.values()) {
        assertThat(t instanceof CompletionException ? t.getCause() : t)
            .isInstanceOfAny(OutcomeUnknownException.class, UnavailableException.class);
      }
      assertThat(acknowledged.size()).isGreaterThan(writes / 2);
    }
  }

  @Test
  void aFrozenMemberNeverHoldsACallPastItsTimeout() {
    EtcdCluster cluster = etcd.cluster();
    EtcdServer frozen = cluster.members().get(0);
    Duration timeout = Duration.ofSeconds(2);
    try (EtcdClient all =
            EtcdClient.builder()
                .endpoints(cluster.endpoints())
                .callTimeout(timeout)
                .keepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .build();
        EtcdClient onlyFrozen =
            EtcdClient.builder().endpoints(frozen.endpoint()).callTimeout(timeout).build()) {
      Blocking.get(all.kv().put("/frozen/a", "1"));
      cluster.pause(frozen);
      try {
        long start = System.nanoTime();
        EtcdException error = null;
        try {
          Blocking.get(onlyFrozen.kv().get("/frozen/a"));
        } catch (EtcdException e) {
          error = e;
        }
        assertThat(error).isInstanceOf(DeadlineExceededException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(1));

        // The balanced client: every call ends by its deadline, and once keep-alive drops the
        // frozen member, calls succeed on the others.
        int succeeded = 0;
        for (int i = 0; i < 20; i++) {
          long callStart = System.nanoTime();
          try {
            Blocking.get(all.kv().get("/frozen/a"));
            succeeded++;
          } catch (DeadlineExceededException | UnavailableException e) {
            // a call that was routed to the frozen member before keep-alive noticed
          }
          assertThat(Duration.ofNanos(System.nanoTime() - callStart))
              .isLessThan(timeout.plusSeconds(1));
        }
        assertThat(succeeded).isGreaterThanOrEqualTo(15);
      } finally {
        cluster.resume(frozen);
      }
    }
  }

  private static long awaitRead(EtcdClient client) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        Blocking.get(client.kv().get("/fault/00000"));
        return System.nanoTime();
      } catch (EtcdException e) {
        // not yet: the cluster is electing a new leader
      }
    }
    throw new AssertionError("no successful read within 30 s of the leader kill");
  }
}
