package io.typedetcd.client.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.testing.EtcdCluster;
import io.typedetcd.testing.EtcdClusterExtension;
import io.typedetcd.testing.EtcdServer;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A watch on a real 3-member cluster while members die or freeze under a steady writer: it must
 * deliver every revision that etcd ended up with, exactly once, in order.
 */
class WatchFaultIT {
  private static final String P = "/fault/";

  // A fresh cluster per test: each test breaks members. Keep-alive pings every second need a
  // lower server minimum than etcd's 5 s.
  @RegisterExtension
  final EtcdClusterExtension etcd =
      EtcdClusterExtension.builder().size(3).extraFlags("--grpc-keepalive-min-time=500ms").build();

  EtcdClient connect(EtcdCluster cluster) {
    return EtcdClient.builder()
        .endpoints(cluster.endpoints())
        .callTimeout(Duration.ofSeconds(3))
        .keepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1))
        .build();
  }

  @Test
  void killingTheWatchedMemberAndTheLeaderLosesAndRepeatsNothing() {
    EtcdCluster cluster = etcd.cluster();
    Map<Long, EtcdServer> members = membersById(cluster);
    try (EtcdClient client = connect(cluster)) {
      Recorder r = new Recorder();
      try (Watcher w = client.watch().watch(P, WatchOptions.DEFAULT.withPrefix(), r)) {
        Blocking.get(w.created());
        EtcdServer firstKilled = null;
        EtcdServer secondKilled = null;
        for (int i = 0; i < 300; i++) {
          if (i == 60) {
            firstKilled = servingMember(r, members, 1);
            cluster.kill(firstKilled);
          } else if (i == 150) {
            cluster.restart(firstKilled);
            secondKilled = cluster.leader();
            cluster.kill(secondKilled);
          } else if (i == 240) {
            cluster.restart(secondKilled);
          }
          tryPut(client, i);
        }
        assertExactlyWhatEtcdStored(client, r);
        Set<Long> servedBy =
            r.batches.stream().map(b -> b.header().memberId()).collect(Collectors.toSet());
        assertThat(servedBy).as("the watch moved to another member").hasSizeGreaterThan(1);
      }
    }
  }

  @Test
  void aFrozenWatchedMemberIsLeftAndNoEventIsLost() {
    EtcdCluster cluster = etcd.cluster();
    Map<Long, EtcdServer> members = membersById(cluster);
    try (EtcdClient client = connect(cluster)) {
      Recorder r = new Recorder();
      try (Watcher w = client.watch().watch(P, WatchOptions.DEFAULT.withPrefix(), r)) {
        Blocking.get(w.created());
        for (int i = 0; i < 20; i++) {
          tryPut(client, i);
        }
        EtcdServer frozen = servingMember(r, members, 20);
        cluster.pause(frozen);
        try {
          for (int i = 20; i < 120; i++) {
            tryPut(client, i);
          }
          assertExactlyWhatEtcdStored(client, r);
          WatchBatch last = r.batches.get(r.batches.size() - 1);
          assertThat(members.get(last.header().memberId())).isNotSameAs(frozen);
        } finally {
          cluster.resume(frozen);
        }
      }
    }
  }

  @Test
  void aMemberThatLostItsLeaderDropsTheStreamAndTheWatchComesBack() {
    EtcdCluster cluster = etcd.cluster();
    Map<Long, EtcdServer> members = membersById(cluster);
    try (EtcdClient client = connect(cluster)) {
      Recorder r = new Recorder();
      try (Watcher w = client.watch().watch(P, WatchOptions.DEFAULT.withPrefix(), r)) {
        Blocking.get(w.created());
        for (int i = 0; i < 20; i++) {
          tryPut(client, i);
        }
        EtcdServer survivor = servingMember(r, members, 20);
        int port = survivor.metricsPort();
        assertThat(Metrics.gauge(port, "etcd_debugging_mvcc_watch_stream_total")).isEqualTo(1);
        List<EtcdServer> others = cluster.members().stream().filter(m -> m != survivor).toList();
        others.forEach(cluster::kill);
        // The watch asked for a leader: the survivor ends its stream and refuses new ones.
        Eventually.until(
            Duration.ofSeconds(15),
            "the leaderless member kept serving the watch",
            () -> Metrics.gauge(port, "etcd_debugging_mvcc_watch_stream_total") == 0);
        others.forEach(cluster::restart);
        for (int i = 20; i < 60; i++) {
          tryPut(client, i);
        }
        assertExactlyWhatEtcdStored(client, r);
      }
    }
  }

  private static void tryPut(EtcdClient client, int i) {
    try {
      Blocking.get(client.kv().put(String.format(P + "%04d", i), "v" + i));
    } catch (EtcdException e) {
      // Unavailable or outcome unknown while members fail: the final read tells what happened.
    }
  }

  /** The member whose stream delivered the latest batch, once {@code events} have arrived. */
  private static EtcdServer servingMember(Recorder r, Map<Long, EtcdServer> members, int events) {
    r.awaitEvents(events);
    long id = r.batches.get(r.batches.size() - 1).header().memberId();
    assertThat(members).containsKey(id);
    return members.get(id);
  }

  private static void assertExactlyWhatEtcdStored(EtcdClient client, Recorder r) {
    List<KeyValue> stored =
        Blocking.get(client.kv().get(P, GetOptions.DEFAULT.withPrefix())).kvs().stream()
            .sorted(Comparator.comparingLong(KeyValue::modRevision))
            .toList();
    assertThat(stored).hasSizeGreaterThan(50);
    long last = stored.get(stored.size() - 1).modRevision();
    Eventually.until(
        Duration.ofSeconds(30),
        () -> "watch delivered up to " + r.lastRevision() + " of " + last,
        () -> r.lastRevision() >= last);
    List<String> watched =
        r.events().stream()
            .map(e -> e.type() + " " + e.kv().key() + "@" + e.kv().modRevision())
            .toList();
    List<String> expected =
        stored.stream().map(kv -> "PUT " + kv.key() + "@" + kv.modRevision()).toList();
    assertThat(watched).containsExactlyElementsOf(expected);
    assertThat(r.error.get()).isNull();
    assertThat(r.violations).isEmpty();
  }

  private static Map<Long, EtcdServer> membersById(EtcdCluster cluster) {
    Pattern id = Pattern.compile("\"member_id\":(\\d+)");
    Map<Long, EtcdServer> byId = new HashMap<>();
    for (EtcdServer member : cluster.members()) {
      Matcher m = id.matcher(member.etcdctl("endpoint", "status", "-w", "json"));
      assertThat(m.find()).isTrue();
      byId.put(Long.parseUnsignedLong(m.group(1)), member);
    }
    return byId;
  }
}
