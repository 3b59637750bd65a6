package io.typedetcd.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.KV;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where callers' code runs: stages attached to a call's future run on the client's executor (or,
 * attached after it completed, on the caller's own thread), never on a network thread, so they may
 * block; a thread blocked on a call is woken with its result.
 */
class CallbackThreadsIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static KV kv;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    kv = client.kv();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void stagesRunOnTheClientExecutorNotOnNetworkThreads() throws Exception {
    List<CompletableFuture<String>> threads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      threads.add(kv.put("/threads/k" + i, "v").thenApply(r -> Thread.currentThread().getName()));
      threads.add(kv.get("/threads/k" + i).thenApply(r -> Thread.currentThread().getName()));
    }
    // A stage attached after the response arrived runs at once on the attaching thread.
    String caller = Thread.currentThread().getName();
    for (CompletableFuture<String> t : threads) {
      assertThat(t.get(10, TimeUnit.SECONDS))
          .matches(name -> name.startsWith("typed-etcd-") || name.equals(caller), "not a network");
    }
  }

  @Test
  void aStageMayBlockOnAnotherCall() throws Exception {
    List<CompletableFuture<GetResponse>> reads = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String key = "/blocking/k" + i;
      reads.add(kv.put(key, "v" + i).thenApply(r -> Blocking.get(kv.get(key))));
    }
    for (int i = 0; i < reads.size(); i++) {
      assertThat(reads.get(i).get(10, TimeUnit.SECONDS).kvs().get(0).value()).isEqualTo("v" + i);
    }
  }

  @Test
  void stagesMayWaitForEachOther() throws Exception {
    // Each stage waits until all have started: only an executor that gives every blocked stage a
    // thread of its own passes, however few cores (a pool of a few threads would time out).
    int stages = 16;
    CountDownLatch started = new CountDownLatch(stages);
    Thread caller = Thread.currentThread();
    List<CompletableFuture<Boolean>> waits = new ArrayList<>();
    for (int i = 0; i < stages; i++) {
      waits.add(
          kv.put("/waiting/k" + i, "v")
              .thenApply(
                  r -> {
                    started.countDown();
                    // A stage attached after the response arrived runs on this test's thread,
                    // which must go on to start the others.
                    return Thread.currentThread() == caller || awaitQuietly(started);
                  }));
    }
    for (CompletableFuture<Boolean> wait : waits) {
      assertThat(wait.get(30, TimeUnit.SECONDS))
          .as("every stage saw all the others start")
          .isTrue();
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void blockedCallersGetTheirResults() throws Exception {
    List<Thread> callers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String prefix = "/blocked/t" + t + "/";
      Thread caller =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 100; i++) {
                    long revision = Blocking.get(kv.put(prefix + i, "v" + i)).header().revision();
                    GetResponse r = kv.get(prefix + i).join();
                    assertThat(r.kvs().get(0).modRevision()).isEqualTo(revision);
                  }
                } catch (Throwable e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              });
      caller.start();
      callers.add(caller);
    }
    for (Thread c : callers) {
      c.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(c.isAlive()).isFalse();
    }
    assertThat(failures).isEmpty();
  }
}
