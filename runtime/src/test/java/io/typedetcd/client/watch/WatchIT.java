package io.typedetcd.client.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.KV;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What etcd delivers to watchers: ranges, history, filters, namespace, many watches. */
class WatchIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

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

  @Test
  void keyWatchSeesExactlyItsKeyInRevisionOrder() {
    Recorder r = new Recorder();
    try (Watcher w = watch.watch(p + "a", r)) {
      long created = Blocking.get(w.created());
      long r1 = put(p + "a", "1");
      put(p + "b", "x");
      put(p + "ab", "x");
      long r2 = put(p + "a", "2");
      long r3 = Blocking.get(kv.delete(p + "a")).header().revision();
      r.awaitEvents(3);

      assertThat(created).isLessThan(r1);
      assertThat(r.keys()).containsOnly(p + "a");
      assertThat(r.revisions()).containsExactly(r1, r2, r3);
      assertThat(r.events())
          .extracting(WatchEvent::type)
          .containsExactly(WatchEvent.Type.PUT, WatchEvent.Type.PUT, WatchEvent.Type.DELETE);
      assertThat(r.events().get(1).kv().value()).isEqualTo("2");
      assertThat(r.events().get(1).kv().version()).isEqualTo(2);
      assertThat(r.batches.get(0).revision()).isEqualTo(r1);
      Eventually.until(Duration.ofSeconds(5), "revision()", () -> w.revision() == r3);
      assertThat(r.violations).isEmpty();
    }
  }

  @Test
  void prefixRangeAndFromKeyWatchesSeeTheirKeysOnly() {
    Recorder prefix = new Recorder();
    Recorder range = new Recorder();
    Recorder fromKey = new Recorder();
    try (Watcher a = watch.watch(p + "x/", WatchOptions.DEFAULT.withPrefix(), prefix);
        Watcher b = watch.watch(p + "b", WatchOptions.DEFAULT.withRangeEnd(p + "d"), range);
        Watcher c = watch.watch(p + "m", WatchOptions.DEFAULT.withFromKey(), fromKey)) {
      Blocking.get(a.created());
      Blocking.get(b.created());
      Blocking.get(c.created());
      for (String k : List.of("a", "b", "c", "d", "m", "x/1", "x2", "z", "x/2")) {
        put(p + k, k);
      }
      prefix.awaitEvents(2);
      range.awaitEvents(2);
      fromKey.awaitEvents(5);
      assertThat(prefix.keys()).containsExactly(p + "x/1", p + "x/2");
      assertThat(range.keys()).containsExactly(p + "b", p + "c");
      assertThat(fromKey.keys()).containsExactly(p + "m", p + "x/1", p + "x2", p + "z", p + "x/2");
    }
  }

  @Test
  void startRevisionReplaysHistoryThenGoesLive() {
    long r1 = put(p + "a", "1");
    long r2 = put(p + "a", "2");
    long r3 = put(p + "b", "3");
    Recorder r = new Recorder();
    try (Watcher w = watch.watch(p, WatchOptions.DEFAULT.withPrefix().withStartRevision(r2), r)) {
      r.awaitEvents(2);
      long r4 = put(p + "a", "4");
      r.awaitEvents(3);
      assertThat(r.revisions()).containsExactly(r2, r3, r4);
      assertThat(r.revisions()).doesNotContain(r1);
      assertThat(Blocking.get(w.created())).isGreaterThanOrEqualTo(r3);
    }
  }

  @Test
  void prevKvAndFilters() {
    Recorder all = new Recorder();
    Recorder noPut = new Recorder();
    Recorder noDelete = new Recorder();
    try (Watcher a = watch.watch(p + "k", WatchOptions.DEFAULT.withPrevKv(), all);
        Watcher b = watch.watch(p + "k", WatchOptions.DEFAULT.withNoPut(), noPut);
        Watcher c =
            watch.watch(p + "k", WatchOptions.DEFAULT.withNoDelete().withNoDelete(), noDelete)) {
      Blocking.get(a.created());
      Blocking.get(b.created());
      Blocking.get(c.created());
      put(p + "k", "1");
      put(p + "k", "2");
      Blocking.get(kv.delete(p + "k"));
      all.awaitEvents(3);
      noPut.awaitEvents(1);
      noDelete.awaitEvents(2);

      assertThat(all.events())
          .extracting(e -> e.previous().map(KeyValue::value).orElse(null))
          .containsExactly(null, "1", "2");
      assertThat(noPut.events())
          .extracting(WatchEvent::type)
          .containsExactly(WatchEvent.Type.DELETE);
      assertThat(noDelete.events())
          .extracting(WatchEvent::type)
          .containsExactly(WatchEvent.Type.PUT, WatchEvent.Type.PUT);
      assertThat(noDelete.events().get(0).prevKv()).isNull();
    }
  }

  @Test
  void namespaceIsAddedToRangesAndStrippedFromEvents() {
    try (EtcdClient scoped =
        EtcdClient.builder().endpoints(etcd.endpoint()).namespace(p + "ns/").build()) {
      Recorder everything = new Recorder();
      Recorder fromM = new Recorder();
      Recorder aToL = new Recorder();
      try (Watcher a =
              scoped.watch().watch("", WatchOptions.DEFAULT.withPrefix().withPrevKv(), everything);
          Watcher b = scoped.watch().watch("m", WatchOptions.DEFAULT.withFromKey(), fromM);
          Watcher c = scoped.watch().watch("a", WatchOptions.DEFAULT.withRangeEnd("l"), aToL)) {
        Blocking.get(a.created());
        Blocking.get(b.created());
        Blocking.get(c.created());
        put(p + "n", "outside, before");
        put(p + "ns/k", "1");
        put(p + "ns/z", "2");
        put(p + "ns/k", "3");
        put(p + "o", "outside, after the namespace");
        Blocking.get(scoped.kv().put("m", "4"));
        everything.awaitEvents(4);
        fromM.awaitEvents(2);
        aToL.awaitEvents(2);
        put(p + "ns/zz", "last");
        fromM.awaitEvents(3);
        everything.awaitEvents(5);

        assertThat(everything.keys()).containsExactly("k", "z", "k", "m", "zz");
        assertThat(everything.events().get(2).previous().map(KeyValue::key)).contains("k");
        assertThat(fromM.keys()).containsExactly("z", "m", "zz");
        assertThat(aToL.keys()).containsExactly("k", "k");
      }
    }
  }

  @Test
  void compactedStartRevisionEndsWithCompactedException() {
    long old = put(p + "a", "1");
    put(p + "a", "2");
    long compactAt = put(p + "a", "3");
    Blocking.get(kv.compact(compactAt));
    Recorder r = new Recorder();
    try (Watcher w = watch.watch(p + "a", WatchOptions.DEFAULT.withStartRevision(old), r)) {
      CompactedException e = (CompactedException) r.awaitError();
      assertThat(e.compactRevision()).isEqualTo(compactAt);
      assertThat(e.key()).isEqualTo(p + "a");
      assertThat(r.batches).isEmpty();
      assertThat(w.revision()).isZero();
    }
    // From the compact revision on, history is still there.
    Recorder ok = new Recorder();
    try (Watcher w = watch.watch(p + "a", WatchOptions.DEFAULT.withStartRevision(compactAt), ok)) {
      ok.awaitEvents(1);
      assertThat(ok.revisions()).containsExactly(compactAt);
      assertThat(w.revision()).isEqualTo(compactAt);
    }
  }

  @Test
  void fiftyWatchesShareOneStreamAndEachSeesItsOwnKey() {
    int port = etcd.server().metricsPort();
    // Earlier tests closed their watchers, which closes the idle stream.
    Eventually.until(
        Duration.ofSeconds(5),
        "watch streams left open by earlier tests",
        () -> Metrics.gauge(port, "etcd_debugging_mvcc_watch_stream_total") == 0);
    List<Recorder> recorders = new ArrayList<>();
    List<Watcher> watchers = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        Recorder r = new Recorder();
        recorders.add(r);
        watchers.add(watch.watch(p + i, r));
      }
      for (Watcher w : watchers) {
        Blocking.get(w.created());
      }
      assertThat(Metrics.gauge(port, "etcd_debugging_mvcc_watch_stream_total")).isEqualTo(1);
      assertThat(Metrics.gauge(port, "etcd_debugging_mvcc_watcher_total")).isEqualTo(50);
      for (int i = 49; i >= 0; i--) {
        put(p + i, "v" + i);
      }
      for (int i = 0; i < 50; i++) {
        recorders.get(i).awaitEvents(1);
      }
      for (int i = 0; i < 50; i++) {
        assertThat(recorders.get(i).keys()).containsExactly(p + i);
      }
    } finally {
      watchers.forEach(Watcher::close);
    }
  }
}
