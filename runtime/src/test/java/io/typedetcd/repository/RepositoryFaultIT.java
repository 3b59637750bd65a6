package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.lease.LeaseLostException;
import io.typedetcd.repository.EntityEvent.Created;
import io.typedetcd.repository.EntityEvent.Resync;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfigRepository;
import io.typedetcd.repository.fixtures.ServiceInstance;
import io.typedetcd.repository.fixtures.ServiceInstanceRepository;
import io.typedetcd.testing.EtcdCluster;
import io.typedetcd.testing.EtcdClusterExtension;
import io.typedetcd.testing.EtcdServer;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TTL entities and typed watches on a real 3-member cluster while members die. Every test leaves
 * all members running, so they share one cluster.
 */
class RepositoryFaultIT {
  // Keep-alive pings every second need a lower server minimum than etcd's 5 s.
  @RegisterExtension
  static final EtcdClusterExtension etcd =
      EtcdClusterExtension.builder().size(3).extraFlags("--grpc-keepalive-min-time=500ms").build();

  static EtcdClient connect(List<String> endpoints) {
    return EtcdClient.builder()
        .endpoints(endpoints)
        .callTimeout(Duration.ofSeconds(3))
        .keepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1))
        .build();
  }

  @BeforeEach
  void clean() {
    try (EtcdClient client = connect(etcd.endpoints())) {
      Blocking.get(client.kv().delete("/it/", DeleteOptions.DEFAULT.withPrefix()));
    }
  }

  @Test
  void aTtlEntityOutlivesTwiceItsTtlAcrossALeaderKill() {
    EtcdCluster cluster = etcd.cluster();
    Duration ttl = Duration.ofSeconds(3);
    try (EtcdClient client = connect(cluster.endpoints())) {
      ServiceInstanceRepository instances =
          Repositories.create(ServiceInstanceRepository.class, client);
      List<LeaseLostException> lost = new CopyOnWriteArrayList<>();
      ServiceInstance a = new ServiceInstance("eu", "a", "10.0.0.1", 80);
      Registration<ServiceInstance> r = instances.register(a, ttl, (x, e) -> lost.add(e));
      instances.save(new ServiceInstance("eu", "b", "10.0.0.2", 80), SaveOptions.ttl(ttl));

      EtcdServer leader = cluster.leader();
      cluster.kill(leader);
      cluster.awaitLeader(Duration.ofSeconds(10));
      Eventually.holdsFor(
          ttl.multipliedBy(2).plusSeconds(1),
          () -> "no lease lost and both eu instances stay; lost " + lost,
          () -> lost.isEmpty() && instances.findByRegion("eu").size() == 2);
      cluster.restart(leader);

      assertThat(r.isLost()).isFalse();
      r.close();
      assertThat(instances.findByRegion("eu")).extracting(ServiceInstance::id).containsExactly("b");
    }
  }

  @Test
  void aFieldsWatchDeliversEveryTransactionOnceInOrderWhileEachMemberIsKilledInTurn() {
    EtcdCluster cluster = etcd.cluster();
    try (EtcdClient client = connect(cluster.endpoints())) {
      ServiceConfigRepository configs = Repositories.create(ServiceConfigRepository.class, client);
      EventRecorder<ServiceConfig, ServiceConfig.Id> r = new EventRecorder<>();
      try (Subscription s = configs.watchAll(r)) {
        Blocking.get(s.started());
        List<EtcdServer> members = cluster.members();
        for (int i = 0; i < 90; i++) {
          if (i % 30 == 10) {
            cluster.kill(members.get(i / 30)); // the member serving the watch is one of them
          } else if (i % 30 == 25) {
            cluster.restart(members.get(i / 30));
          }
          trySave(configs, i);
        }
        List<ServiceConfig> stored =
            configs.findAll().stream()
                .sorted(Comparator.comparingLong(ServiceConfig::version))
                .toList();
        assertThat(stored).hasSizeGreaterThan(50);
        Eventually.until(
            Duration.ofSeconds(30),
            "every save delivered",
            () -> r.events.size() >= stored.size() || r.error.get() != null);
        assertThat(r.error.get()).isNull();
        assertThat(r.events)
            .containsExactlyElementsOf(
                stored.stream()
                    .map(c -> new Created<ServiceConfig, ServiceConfig.Id>(c, c.version()))
                    .toList());
        assertThat(r.violations).isEmpty();
      }
    }
  }

  private static void trySave(ServiceConfigRepository configs, int i) {
    try {
      configs.save(ServiceConfig.of("prod", String.format("s%03d", i), i).withOwner("ops"));
    } catch (EtcdException e) {
      // Unavailable or outcome unknown while members fail: the final read tells what happened.
    }
  }

  @Test
  void aWatchWhoseResumeRevisionWasCompactedWhileItsMemberWasDownResyncs() {
    EtcdCluster cluster = etcd.cluster();
    EtcdServer leader = cluster.leader();
    EtcdServer watched = cluster.members().stream().filter(m -> m != leader).findFirst().get();
    List<String> others =
        cluster.members().stream().filter(m -> m != watched).map(EtcdServer::endpoint).toList();
    try (EtcdClient watching = connect(List.of(watched.endpoint()));
        EtcdClient writing = connect(others)) {
      OrderRepository mine = Repositories.create(OrderRepository.class, watching);
      OrderRepository theirs = Repositories.create(OrderRepository.class, writing);
      EventRecorder<Order, Order.Id> r = new EventRecorder<>();
      try (Subscription s = mine.watchAll(r)) {
        Blocking.get(s.started());
        Order a = theirs.save(Order.of("eu", "a", 1));
        Order b = theirs.save(Order.of("eu", "b", 1));
        r.await(2);

        cluster.kill(watched);
        theirs.deleteById(a.key());
        Order c = theirs.save(Order.of("eu", "c", 1));
        Blocking.get(writing.kv().compact(c.version(), true));
        cluster.restart(watched);

        List<EntityEvent<Order, Order.Id>> events = r.await(3);
        assertThat(events.get(2)).isEqualTo(new Resync<>(List.of(b, c), c.version()));
        Order d = theirs.save(Order.of("eu", "d", 1));
        assertThat(r.await(4).get(3)).isEqualTo(new Created<>(d, d.version()));
        assertThat(r.error.get()).isNull();
        assertThat(r.violations).isEmpty();
      }
    }
  }
}
