package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.lease.LeaseLostException;
import io.typedetcd.client.lease.LeaseLostReason;
import io.typedetcd.client.lease.TimeToLive;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfigRepository;
import io.typedetcd.repository.fixtures.ServiceInstance;
import io.typedetcd.repository.fixtures.ServiceInstanceRepository;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TTL entities against real etcd: shared leases per TTL, registrations, lost leases, expiry. Each
 * test uses its own TTL so leases pinned by other tests of the same client do not interfere.
 */
class TtlRepositoryIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static OrderRepository orders;
  static ServiceConfigRepository configs;
  static ServiceInstanceRepository instances;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    orders = Repositories.create(OrderRepository.class, client);
    configs = Repositories.create(ServiceConfigRepository.class, client);
    instances = Repositories.create(ServiceInstanceRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it/", DeleteOptions.DEFAULT.withPrefix()));
  }

  static List<KeyValue> stored(String prefix) {
    return Blocking.get(client.kv().get(prefix, GetOptions.DEFAULT.withPrefix())).kvs();
  }

  static long leaseOf(String key) {
    List<KeyValue> kvs = Blocking.get(client.kv().get(key)).kvs();
    assertThat(kvs).as(key).hasSize(1);
    return kvs.get(0).lease();
  }

  static boolean leaseExists(long id) {
    return Blocking.get(client.lease().leases()).contains(id);
  }

  @Test
  void entitiesWithTheSameTtlShareOneKeptAliveLeaseAcrossRepositoriesAndLayouts() {
    SaveOptions threeSeconds = SaveOptions.ttl(Duration.ofSeconds(3));
    orders.save(Order.of("eu", "a", 1), threeSeconds);
    orders.save(Order.of("eu", "b", 1), threeSeconds);
    configs.save(ServiceConfig.of("prod", "web", 80).withOwner("ops"), threeSeconds);
    orders.save(Order.of("eu", "c", 1), SaveOptions.ttl(Duration.ofMillis(3500))); // 4 s

    long shared = leaseOf("/it/orders/eu/a");
    assertThat(shared).isNotZero();
    assertThat(leaseOf("/it/orders/eu/b")).isEqualTo(shared);
    assertThat(stored("/it/config/")).hasSize(4).allMatch(kv -> kv.lease() == shared);
    long four = leaseOf("/it/orders/eu/c");
    assertThat(four).isNotZero().isNotEqualTo(shared);

    TimeToLive t = Blocking.get(client.lease().timeToLive(shared, true));
    assertThat(t.granted()).isEqualTo(Duration.ofSeconds(3));
    assertThat(t.keyStrings()).contains("/it/orders/eu/a", "/it/config/prod/web/owner");
    assertThat(Blocking.get(client.lease().timeToLive(four)).granted())
        .isEqualTo(Duration.ofSeconds(4));
    // Kept alive: past the TTL, the entities are still there.
    Eventually.holdsFor(
        Duration.ofSeconds(4),
        "the kept-alive order stays",
        () -> orders.existsById(new Order.Id("eu", "a")));
  }

  @Test
  void theEntityDefaultTtlAppliesToPlainSavesAndSaveAll() {
    instances.save(new ServiceInstance("eu", "i1", "10.0.0.1", 80));

    instances.saveAll(
        List.of(
            new ServiceInstance("eu", "i2", "10.0.0.2", 80),
            new ServiceInstance("us", "i3", "10.0.0.3", 80)));

    long lease = leaseOf("/it/instances/eu/i1");
    assertThat(lease).isNotZero();
    assertThat(stored("/it/instances/")).hasSize(3).allMatch(kv -> kv.lease() == lease);
    assertThat(Blocking.get(client.lease().timeToLive(lease)).granted())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void closingARegistrationDeletesItsEntityAndTheLastOneRevokesTheLease() {
    Duration ttl = Duration.ofSeconds(11);
    Registration<Order> a = orders.register(Order.of("eu", "a", 1), ttl, (r, e) -> {});
    Registration<Order> b = orders.register(Order.of("eu", "b", 1), ttl, (r, e) -> {});
    assertThat(a.leaseId()).isEqualTo(b.leaseId()).isEqualTo(leaseOf("/it/orders/eu/a"));
    assertThat(a.ttl()).isEqualTo(ttl);
    assertThat(a.entity().version()).isPositive();

    a.close();
    assertThat(orders.existsById(new Order.Id("eu", "a"))).isFalse();
    assertThat(orders.existsById(new Order.Id("eu", "b"))).isTrue();
    assertThat(leaseExists(b.leaseId())).isTrue();

    b.close();
    b.close(); // idempotent
    assertThat(orders.count()).isZero();
    assertThat(leaseExists(b.leaseId())).isFalse();
  }

  @Test
  void aLostLeaseIsReportedAndTheOwnerReRegistersOnAFreshLease() {
    Duration ttl = Duration.ofSeconds(13);
    List<LeaseLostException> causes = new CopyOnWriteArrayList<>();
    AtomicReference<Registration<Order>> again = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    RegistrationListener<Order> reRegister =
        (lost, cause) -> {
          causes.add(cause);
          // The expired entity is gone: a versioned one comes back as new (version 0).
          orders
              .async()
              .register(lost.entity().withVersion(0), ttl, (r, e) -> {})
              .whenComplete(
                  (r, e) -> {
                    failure.set(e);
                    again.set(r);
                  });
        };
    Registration<Order> first = orders.register(Order.of("eu", "a", 1), ttl, reRegister);

    Blocking.get(client.lease().revoke(first.leaseId())); // deletes the entity, as expiry would

    Eventually.until(
        Duration.ofSeconds(5), "re-registered", () -> again.get() != null || failure.get() != null);
    assertThat(failure.get()).isNull();
    assertThat(causes).hasSize(1);
    assertThat(causes.get(0).reason()).isEqualTo(LeaseLostReason.NOT_FOUND);
    assertThat(first.isLost()).isTrue();
    Registration<Order> second = again.get();
    assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
    assertThat(leaseOf("/it/orders/eu/a")).isEqualTo(second.leaseId());

    first.close(); // lost: must not delete the re-registered entity
    assertThat(orders.existsById(new Order.Id("eu", "a"))).isTrue();
    orders.save(Order.of("eu", "b", 1), SaveOptions.ttl(ttl));
    assertThat(leaseOf("/it/orders/eu/b")).isEqualTo(second.leaseId());
    second.close();
    assertThat(orders.existsById(new Order.Id("eu", "a"))).isFalse();
  }

  @Test
  void aSaveThatFindsItsLeaseRevokedElsewhereIsRetriedOnAFreshLease() {
    SaveOptions ttl = SaveOptions.ttl(Duration.ofSeconds(17));
    orders.save(Order.of("eu", "a", 1), ttl);
    long revoked = leaseOf("/it/orders/eu/a");
    try (EtcdClient other = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      Blocking.get(other.lease().revoke(revoked)); // our keep-alive learns it only seconds later
    }

    orders.save(Order.of("eu", "b", 1), ttl);

    long fresh = leaseOf("/it/orders/eu/b");
    assertThat(fresh).isNotZero().isNotEqualTo(revoked);
    assertThat(leaseExists(fresh)).isTrue();
  }

  @Test
  void closingTheClientWithoutRevokingRemovesTheEntitiesWithinTtlPlusOneSecond() {
    EtcdClient owner = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    ServiceInstanceRepository mine = Repositories.create(ServiceInstanceRepository.class, owner);
    mine.register(new ServiceInstance("eu", "i1", "10.0.0.1", 80), (r, e) -> {});
    mine.save(new ServiceInstance("eu", "i2", "10.0.0.2", 80));
    assertThat(instances.findByRegion("eu")).hasSize(2);

    owner.close();
    long closed = System.nanoTime();

    Eventually.until(
        Duration.ofSeconds(3),
        "the entities expired (TTL 2 s + 1 s)",
        () -> instances.count() == 0);
    assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void badTtlArgumentsAreIllegal() {
    assertThatThrownBy(() -> SaveOptions.ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> orders.register(Order.of("eu", "a", 1), (r, e) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no default TTL");
    assertThat(orders.count()).isZero();
  }
}
