package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.repository.fixtures.Account;
import io.typedetcd.repository.fixtures.AccountRepository;
import io.typedetcd.repository.fixtures.ArchivedOrder;
import io.typedetcd.repository.fixtures.ArchivedOrderRepository_Impl;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.testing.EtcdExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DOCUMENT-layout repositories against real etcd: a record, a plain class, a sibling prefix. */
class DocumentRepositoryIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static OrderRepository orders;
  static AccountRepository accounts;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    orders = Repositories.create(OrderRepository.class, client);
    accounts = Repositories.create(AccountRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it/", DeleteOptions.DEFAULT.withPrefix()));
  }

  static List<String> keysUnder(String prefix) {
    List<String> keys = new ArrayList<>();
    for (KeyValue kv :
        Blocking.get(client.kv().get(prefix, GetOptions.DEFAULT.withPrefix().withKeysOnly()))
            .kvs()) {
      keys.add(kv.key());
    }
    return keys;
  }

  @Test
  void saveThenFindByIdRoundTripsEveryPropertyWithTheModRevisionAsVersion() {
    Order order =
        new Order(
            "eu",
            "a1",
            3,
            true,
            "ring twice",
            List.of("gift", "fragile"),
            new Order.Address("Main St 1", "Springfield"),
            Instant.parse("2024-05-01T10:15:30.123Z"),
            0);

    Order saved = orders.save(order);

    KeyValue stored = Blocking.get(client.kv().get("/it/orders/eu/a1")).kvs().get(0);
    assertThat(saved.version()).isEqualTo(stored.modRevision()).isPositive();
    assertThat(saved).isEqualTo(order.withVersion(stored.modRevision()));
    assertThat(stored.value())
        .isEqualTo(
            "{\"quantity\":3,\"paid\":true,\"note\":\"ring twice\",\"tags\":[\"gift\",\"fragile\"],"
                + "\"shipTo\":{\"street\":\"Main St 1\",\"city\":\"Springfield\"},"
                + "\"placedAt\":\"2024-05-01T10:15:30.123Z\"}");
    assertThat(orders.findById(order.key())).contains(saved);
    assertThat(orders.findByRegionAndId("eu", "a1")).contains(saved);
    assertThat(orders.existsById(order.key())).isTrue();
    assertThat(orders.findById(new Order.Id("eu", "nope"))).isEmpty();
    assertThat(orders.existsById(new Order.Id("eu", "nope"))).isFalse();
  }

  @Test
  void nullAndMissingPropertiesReadAsJavaDefaultsAndUnknownOnesAreIgnored() {
    etcd.etcdctl("put", "/it/orders/eu/old", "{\"quantity\":2,\"legacy\":{\"x\":[1,2]}}");
    Order old = orders.findById(new Order.Id("eu", "old")).orElseThrow();
    assertThat(old.quantity()).isEqualTo(2);
    assertThat(old.paid()).isFalse();
    assertThat(old.note()).isNull();
    assertThat(old.tags()).isNull();
    assertThat(old.version()).isPositive();
  }

  @Test
  void insertOfAnExistingEntityIsEntityExists() {
    Order first = orders.save(Order.of("eu", "a1", 1));

    assertThatThrownBy(() -> orders.save(Order.of("eu", "a1", 2)))
        .isInstanceOfSatisfying(
            EntityExistsException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("Order");
              assertThat(e.key()).isEqualTo("/it/orders/eu/a1");
              assertThat(e.currentVersion()).isEqualTo(first.version());
              assertThat(e.getMessage()).contains("Order at '/it/orders/eu/a1' already exists");
            });
    assertThat(orders.findById(first.key()).orElseThrow().quantity()).isEqualTo(1);
  }

  @Test
  void updateWithTheCurrentVersionSucceedsAndAStaleOneIsAnOptimisticLockFailure() {
    Order v1 = orders.save(Order.of("eu", "a1", 1));
    Order v2 = orders.save(v1.withQuantity(2));
    assertThat(v2.version()).isGreaterThan(v1.version());

    assertThatThrownBy(() -> orders.save(v1.withQuantity(3)))
        .isInstanceOfSatisfying(
            OptimisticLockException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("Order");
              assertThat(e.key()).isEqualTo("/it/orders/eu/a1");
              assertThat(e.expectedVersion()).isEqualTo(v1.version());
              assertThat(e.currentVersion()).isEqualTo(v2.version());
            });
    assertThat(orders.findById(v1.key())).contains(v2);
  }

  @Test
  void updateOfADeletedEntityIsAnOptimisticLockFailureWithVersionZero() {
    Order saved = orders.save(Order.of("eu", "a1", 1));
    assertThat(orders.deleteById(saved.key())).isTrue();

    assertThatThrownBy(() -> orders.save(saved.withQuantity(5)))
        .isInstanceOfSatisfying(
            OptimisticLockException.class,
            e -> {
              assertThat(e.currentVersion()).isZero();
              assertThat(e.getMessage()).contains("was deleted");
            });
    assertThat(orders.existsById(saved.key())).isFalse();
  }

  @Test
  void negativeVersionIsRejectedEagerly() {
    assertThatThrownBy(() -> orders.save(Order.of("eu", "a1", 1).withVersion(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Order version must not be negative");
  }

  @Test
  void hostileKeyValuesAreEscapedAndRoundTrip() {
    List<String> hostile = List.of("/", "", "%", "%2F", "a/b", "東京 🚀", "..", "x%y/z");
    for (String region : hostile) {
      for (String id : hostile) {
        orders.save(Order.of(region, id, 1));
      }
    }

    List<Order> all = orders.findAll();
    assertThat(all).hasSize(hostile.size() * hostile.size());
    for (String region : hostile) {
      for (String id : hostile) {
        assertThat(orders.findById(new Order.Id(region, id)))
            .as("region '%s', id '%s'", region, id)
            .map(o -> o.region() + "|" + o.id())
            .contains(region + "|" + id);
      }
      assertThat(orders.findByRegion(region))
          .as("findByRegion('%s')", region)
          .hasSize(hostile.size())
          .allMatch(o -> o.region().equals(region));
      assertThat(orders.countByRegion(region)).isEqualTo(hostile.size());
    }
    // every stored key is exactly /it/orders/{region}/{id}: no value forged a separator
    assertThat(keysUnder("/it/orders/"))
        .allMatch(k -> k.substring("/it/orders/".length()).split("/", -1).length == 2)
        .contains("/it/orders/%/%", "/it/orders/%2F/a%2Fb", "/it/orders/東京 🚀/%252F");
  }

  @Test
  void derivedPrefixQueriesReadOnlyTheirRegion() {
    for (String region : List.of("eu", "eu2", "e", "eu/x")) {
      for (String id : List.of("a", "b", "c")) {
        orders.save(Order.of(region, id, 1));
      }
    }

    assertThat(orders.findByRegion("eu")).extracting(Order::id).containsExactly("a", "b", "c");
    assertThat(orders.findByRegion("eu")).allMatch(o -> o.region().equals("eu"));
    assertThat(orders.findFirstByRegion("eu")).map(Order::id).contains("a");
    assertThat(orders.findTop2ByRegionOrderByIdDesc("eu"))
        .extracting(Order::id)
        .containsExactly("c", "b");
    assertThat(orders.countByRegion("eu")).isEqualTo(3);
    assertThat(orders.existsByRegion("eu")).isTrue();
    assertThat(orders.existsByRegion("us")).isFalse();
    assertThat(orders.findFirstByRegion("us")).isEmpty();
    try (Stream<Order> s = orders.streamByRegion("eu")) {
      assertThat(s).extracting(Order::id).containsExactly("a", "b", "c");
    }

    assertThat(orders.deleteByRegion("eu")).isEqualTo(3);
    assertThat(orders.count()).isEqualTo(9);
    assertThat(orders.findByRegion("eu2")).hasSize(3);
    assertThat(orders.findByRegion("eu/x")).hasSize(3);
  }

  @Test
  void aSiblingPrefixIsNeverReadCountedOrDeleted() {
    ArchivedOrderRepository_Impl archive = new ArchivedOrderRepository_Impl(client);
    orders.save(Order.of("eu", "a1", 1));
    archive.save(new ArchivedOrder("a1", "old order"));
    etcd.etcdctl("put", "/it/ordersX", "not an order");
    etcd.etcdctl("put", "/it/orders", "not an order either");

    assertThat(orders.findAll()).extracting(Order::id).containsExactly("a1");
    assertThat(orders.count()).isEqualTo(1);
    try (Stream<Order> s = orders.streamAll()) {
      assertThat(s).hasSize(1);
    }
    assertThat(archive.findAll()).containsExactly(new ArchivedOrder("a1", "old order"));

    assertThat(orders.deleteAll()).isEqualTo(1);
    assertThat(archive.count()).isEqualTo(1);
    assertThat(keysUnder("/it/")).contains("/it/ordersX", "/it/orders", "/it/orders2/a1");
  }

  @Test
  void numericKeysComeBackInNumericOrder() {
    List<Long> numbers =
        List.of(42L, -1L, 0L, Long.MAX_VALUE, -100L, 7L, Long.MIN_VALUE, 1_000_000L, -2L);
    for (long n : numbers) {
      accounts.save(new Account(n, "owner" + n, n / 2));
    }

    assertThat(accounts.findAll())
        .extracting(Account::getNumber)
        .containsExactly(Long.MIN_VALUE, -100L, -2L, -1L, 0L, 7L, 42L, 1_000_000L, Long.MAX_VALUE);
    assertThat(accounts.findTop3ByOrderByNumberDesc())
        .extracting(Account::getNumber)
        .containsExactly(Long.MAX_VALUE, 1_000_000L, 42L);
    assertThat(keysUnder("/it/accounts/"))
        .contains("/it/accounts/00000000000000000042", "/it/accounts/-9223372036854775807");
  }

  @Test
  void plainClassCrudUpsertsWithoutVersion() {
    Account a = accounts.save(new Account(7, "ann", 100));
    assertThat(accounts.findById(7L)).contains(a);

    Account b = accounts.save(new Account(7, null, 250)); // no @Version: a blind upsert
    assertThat(accounts.findById(7L)).contains(b);
    assertThat(accounts.findById(7L).orElseThrow().getOwner()).isNull();
    assertThat(accounts.count()).isEqualTo(1);

    accounts.delete(b);
    assertThat(accounts.existsById(7L)).isFalse();
    assertThat(accounts.deleteById(7L)).isFalse();
  }

  @Test
  void undecodableValuesAreMappingExceptionsNamingKeyAndProperty() {
    etcd.etcdctl("put", "/it/orders/eu/bad", "{\"quantity\":\"many\"}");
    assertThatThrownBy(() -> orders.findById(new Order.Id("eu", "bad")))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("Order");
              assertThat(e.key()).isEqualTo("/it/orders/eu/bad");
              assertThat(e.property()).isEqualTo("quantity");
              assertThat(e.getMessage()).startsWith("Order at '/it/orders/eu/bad', property");
            });

    etcd.etcdctl("put", "/it/orders/eu/bad", "not json");
    assertThatThrownBy(() -> orders.findByRegion("eu"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("/it/orders/eu/bad");
  }

  @Test
  void keysThatAreNotEntityKeysAreReportedNotSkipped() {
    orders.save(Order.of("eu", "a1", 1));
    etcd.etcdctl("put", "/it/orders/eu", "{}");
    assertThatThrownBy(() -> orders.findAll())
        .isInstanceOfSatisfying(
            MappingException.class, e -> assertThat(e.key()).isEqualTo("/it/orders/eu"));

    etcd.etcdctl("del", "/it/orders/eu");
    etcd.etcdctl("put", "/it/orders/eu/%2f", "{}"); // not an escape typed-etcd writes
    assertThatThrownBy(() -> orders.findByRegion("eu"))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.key()).isEqualTo("/it/orders/eu/%2f");
              assertThat(e.property()).isEqualTo("id");
            });
  }

  @Test
  void saveAllSavesEachInOrderAndReportsTheFirstConflict() {
    List<Order> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(Order.of("eu", String.format("o%02d", i), i));
    }
    List<Order> saved = orders.saveAll(batch);
    assertThat(saved).hasSize(40);
    for (int i = 0; i < 40; i++) {
      assertThat(saved.get(i).id()).isEqualTo(batch.get(i).id());
      assertThat(saved.get(i).version()).isPositive();
    }
    assertThat(orders.findAll()).isEqualTo(saved);

    assertThatThrownBy(() -> orders.saveAll(List.of(Order.of("eu", "new", 1), batch.get(3))))
        .isInstanceOf(EntityExistsException.class);
    assertThat(orders.existsById(new Order.Id("eu", "new"))).isTrue();
    assertThat(orders.saveAll(List.of())).isEmpty();
  }

  @Test
  void asyncTwinsDoTheSame() {
    AsyncCrudRepository<Order, Order.Id> async = orders.async();
    Order saved = async.save(Order.of("eu", "a1", 1)).join();
    assertThat(async.findById(saved.key()).join()).contains(saved);
    assertThat(async.existsById(saved.key()).join()).isTrue();
    assertThat(async.saveAll(List.of(Order.of("eu", "a2", 2))).join()).hasSize(1);
    assertThat(async.findAll().join()).hasSize(2);
    assertThat(async.count().join()).isEqualTo(2);
    assertThat(orders.findAllByRegionAsync("eu").join()).hasSize(2);
    assertThat(orders.countByRegionAsync("eu").join()).isEqualTo(2);
    assertThat(async.deleteById(saved.key()).join()).isTrue();
    async.delete(Order.of("eu", "a2", 0)).join();
    assertThat(async.count().join()).isZero();

    async.save(Order.of("eu", "a3", 3)).join();
    assertThat(async.deleteAll().join()).isEqualTo(1);

    Order stale = saved.withQuantity(9);
    assertThat(async.save(stale))
        .failsWithin(java.time.Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(OptimisticLockException.class);
  }

  @Test
  void repositoriesCreateExplainsAMissingImplementation() {
    assertThat(Repositories.create(OrderRepository.class, client)).isNotNull();
    assertThatThrownBy(() -> Repositories.create(Unregistered.class, client))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No generated implementation of " + Unregistered.class.getName())
        .hasMessageContaining("annotation processor path");
  }

  @Test
  void derivedQueryHelpersCheckTheirPrefixAndUniqueness() {
    AbstractRepository<?, ?> repo = (AbstractRepository<?, ?>) orders;
    ByteString root = repo.mapper().root().prefix();
    assertThatThrownBy(() -> repo.findByPrefix(ByteString.copyFromUtf8("/it/"), 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a key path prefix of Order");
    assertThatThrownBy(() -> repo.findByPrefix(ByteString.copyFromUtf8("/it/orders/eu"), 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ending in '/'");
    assertThatThrownBy(() -> repo.findByPrefix(root, -1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");

    assertThat(repo.findOneByPrefix(root)).isEmpty();
    orders.save(Order.of("eu", "a1", 1));
    assertThat(repo.findOneByPrefix(root)).isPresent();
    orders.save(Order.of("eu", "a2", 1));
    assertThatThrownBy(() -> repo.findOneByPrefix(root))
        .isInstanceOf(EtcdException.class)
        .hasMessage("expected at most one Order under '/it/orders/', found several");
  }

  interface Unregistered extends CrudRepository<Order, Order.Id> {}
}
