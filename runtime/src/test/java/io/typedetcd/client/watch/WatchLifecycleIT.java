package io.typedetcd.client.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.kv.KV;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Progress, cancellation, slow and failing listeners, client close, and resuming a watch. */
class WatchLifecycleIT {
  @RegisterExtension
  static final EtcdExtension etcd =
      EtcdExtension.builder()
          .extraFlags("--experimental-watch-progress-notify-interval=200ms")
          .build();

  static EtcdClient client;
  static KV kv;
  static Watch watch;
  String p;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    kv = client.kv();
    watch = client.watch();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void prefix(TestInfo info) {
    p = "/" + info.getTestMethod().orElseThrow().getName() + "/";
  }

  long put(String key, String value) {
    return Blocking.get(kv.put(key, value)).header().revision();
  }

  long watchers() {
    return Metrics.gauge(etcd.server().metricsPort(), "etcd_debugging_mvcc_watcher_total");
  }

  @Test
  void progressNotifyReportsTheRevisionOfAQuietWatch() {
    long r1 = put(p + "other", "1");
    Recorder r = new Recorder();
    try (Watcher w = watch.watch(p + "quiet", WatchOptions.DEFAULT.withProgressNotify(), r)) {
      Eventually.until(Duration.ofSeconds(10), "no progress", () -> !r.progress.isEmpty());
      long r2 = put(p + "other", "2");
      Eventually.until(
          Duration.ofSeconds(10),
          () -> "progress " + r.progress + " never reached " + r2,
          () -> r.progress.get(r.progress.size() - 1) >= r2);
      assertThat(r.progress.get(0)).isGreaterThanOrEqualTo(r1);
      assertThat(r.progress).isSorted().doesNotHaveDuplicates();
      assertThat(r.batches).isEmpty();
      assertThat(w.revision()).isZero(); // it counts delivered batches only
    }
  }

  @Test
  void requestProgressAnswersWithTheCurrentRevision() throws Exception {
    Recorder r = new Recorder();
    try (Watcher w = watch.watch(p + "k", r)) {
      Blocking.get(w.created());
      long current = put(p + "other", "1");
      long reported = Blocking.get(watch.requestProgress());
      assertThat(reported).isGreaterThanOrEqualTo(current);
      Eventually.until(Duration.ofSeconds(5), "progress", () -> r.progress.contains(reported));
    }
    // Without any watcher, the request opens the stream just for itself.
    long current = put(p + "other", "2");
    assertThat(watch.requestProgress().get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(current);
  }

  @Test
  void closeStopsDeliveryAtOnceAndEtcdDropsTheWatch() {
    Eventually.until(Duration.ofSeconds(5), "watchers left over", () -> watchers() == 0);
    Recorder closing = new Recorder();
    Recorder staying = new Recorder();
    Watcher a = watch.watch(p, WatchOptions.DEFAULT.withPrefix(), closing);
    try (Watcher b = watch.watch(p, WatchOptions.DEFAULT.withPrefix(), staying)) {
      Blocking.get(a.created());
      Blocking.get(b.created());
      assertThat(watchers()).isEqualTo(2);
      // Enough writes that they cannot all be delivered in the poll after the 10th event.
      int n = 2000;
      List<CompletableFuture<?>> writes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        writes.add(kv.put(p + i, "v"));
      }
      closing.awaitEvents(10);
      a.close();
      int batchesAtClose = closing.batches.size();
      a.close(); // idempotent
      CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).join();
      staying.awaitEvents(n);
      Eventually.until(Duration.ofSeconds(5), "etcd kept the watch", () -> watchers() == 1);
      Eventually.until(Duration.ofSeconds(5), "no onClosed", closing.closed::get);
      // At most the one callback already running when close() returned.
      assertThat(closing.batches.size()).isLessThanOrEqualTo(batchesAtClose + 1);
      assertThat(closing.events().size()).isLessThan(n);
      assertThat(closing.error.get()).isNull();
      assertThat(closing.violations).isEmpty();
      assertThat(staying.revisions()).isSorted().doesNotHaveDuplicates();
    }
    Eventually.until(Duration.ofSeconds(5), "etcd kept the watch", () -> watchers() == 0);
  }

  @Test
  void aSlowListenerIsCutOffWhileOtherWatchersKeepReceiving() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Recorder slow = new Recorder();
    WatchListener blocking =
        new WatchListener() {
          @Override
          public void onEvents(WatchBatch batch) {
            slow.onEvents(batch);
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }

          @Override
          public void onError(EtcdException error) {
            slow.onError(error);
          }
        };
    Recorder fast = new Recorder();
    try (Watcher a =
            watch.watch(p, WatchOptions.DEFAULT.withPrefix().withMaxPendingBatches(5), blocking);
        Watcher b = watch.watch(p, WatchOptions.DEFAULT.withPrefix(), fast)) {
      Blocking.get(a.created());
      Blocking.get(b.created());
      int n = 30;
      for (int i = 0; i < n; i++) {
        put(p + i, "v"); // one revision, one batch each
      }
      fast.awaitEvents(n);
      assertThat(slow.error.get()).isNull(); // its listener is still stuck in the first batch
      release.countDown();
      EtcdException e = slow.awaitError();
      assertThat(e.getMessage()).startsWith("listener too slow: 5 batches pending");
      assertThat(slow.batches).hasSize(1); // the queued ones were dropped
      assertThat(a.revision()).isEqualTo(slow.batches.get(0).revision());
      assertThat(fast.revisions()).isSorted().doesNotHaveDuplicates().hasSize(n);
    }
  }

  @Test
  void aListenerThatThrowsEndsItsWatcherWithAnError() {
    Recorder r = new Recorder();
    WatchListener throwing =
        new WatchListener() {
          @Override
          public void onEvents(WatchBatch batch) {
            r.onEvents(batch);
            throw new IllegalStateException("boom");
          }

          @Override
          public void onError(EtcdException error) {
            r.onError(error);
          }
        };
    try (Watcher w = watch.watch(p + "k", throwing)) {
      Blocking.get(w.created());
      put(p + "k", "1");
      EtcdException e = r.awaitError();
      assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
      put(p + "k", "2");
      Eventually.until(Duration.ofSeconds(5), "etcd kept the watch", () -> watchers() == 0);
      assertThat(r.batches).hasSize(1);
    }
  }

  @Test
  void closingTheClientEndsItsWatchers() {
    Recorder r = new Recorder();
    Watcher w;
    try (EtcdClient other = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      w = other.watch().watch(p + "k", r);
      Blocking.get(w.created());
    }
    assertThat(r.awaitError()).hasMessageContaining("the client is closed");
    w.close(); // harmless afterwards
    assertThat(r.closed.get()).isFalse();
    assertThat(r.violations).isEmpty();
  }

  @Test
  void aWatchResumesAcrossAServerRestartWithoutGapsOrRepeats() {
    Recorder r = new Recorder();
    Recorder late = new Recorder();
    List<Long> written = new ArrayList<>();
    try (Watcher w = watch.watch(p, WatchOptions.DEFAULT.withPrefix(), r)) {
      Blocking.get(w.created());
      for (int i = 0; i < 5; i++) {
        written.add(put(p + "before" + i, "v"));
      }
      r.awaitEvents(5);
      etcd.server().stop();
      // Created while no server runs: it starts once one answers.
      Watcher x = watch.watch(p + "late", late);
      etcd.server().start();
      // Written before the watch is created again: must still arrive, exactly once.
      etcd.etcdctl("put", p + "racing", "v");
      for (int i = 0; i < 5; i++) {
        written.add(put(p + "after" + i, "v"));
      }
      Blocking.get(x.created());
      put(p + "late", "v");
      late.awaitEvents(1);
      r.awaitEvents(12);
      assertThat(r.revisions()).isSorted().doesNotHaveDuplicates().containsAll(written);
      assertThat(r.keys()).contains(p + "racing", p + "late");
      assertThat(r.error.get()).isNull();
      assertThat(late.keys()).containsExactly(p + "late");
      x.close();
    }
  }
}
