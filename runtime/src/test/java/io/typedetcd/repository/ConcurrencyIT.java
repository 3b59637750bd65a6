package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.repository.fixtures.Device;
import io.typedetcd.repository.fixtures.DeviceRepository;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfigRepository;
import io.typedetcd.repository.fixtures.Stock;
import io.typedetcd.repository.fixtures.StockRepository;
import io.typedetcd.testing.EtcdExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Optimistic concurrency against real etcd: insert, update, update(id, fn), versioned delete. */
class ConcurrencyIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final int THREADS = 4;
  static final int INCREMENTS = 25;

  static EtcdClient client;
  static StockRepository stock;
  static OrderRepository orders;
  static DeviceRepository devices;
  static ServiceConfigRepository configs;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    stock = Repositories.create(StockRepository.class, client);
    orders = Repositories.create(OrderRepository.class, client);
    devices = Repositories.create(DeviceRepository.class, client);
    configs = Repositories.create(ServiceConfigRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it", DeleteOptions.DEFAULT.withPrefix()));
  }

  interface Increment {
    void run() throws Exception;
  }

  static void inThreads(Increment increment) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < INCREMENTS; i++) {
                    increment.run();
                  }
                } catch (Throwable e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void updateWithAFunctionLosesNoIncrement() throws Exception {
    stock.save(Stock.of("counter", 0, "w", null));
    orders.save(Order.of("eu", "counter", 0)); // no index: the plain read-modify-write path

    inThreads(
        () -> {
          stock.update("counter", s -> s.minus(-1));
          orders.update(new Order.Id("eu", "counter"), o -> o.withQuantity(o.quantity() + 1));
        });

    assertThat(stock.findById("counter").orElseThrow().available()).isEqualTo(THREADS * INCREMENTS);
    assertThat(orders.findById(new Order.Id("eu", "counter")).orElseThrow().quantity())
        .isEqualTo(THREADS * INCREMENTS);
  }

  @Test
  void saveWithAVersionSeesConflictsAndLosesNoIncrement() throws Exception {
    orders.save(Order.of("eu", "counter", 0));
    Order.Id id = new Order.Id("eu", "counter");
    AtomicLong conflicts = new AtomicLong();
    CyclicBarrier together = new CyclicBarrier(THREADS);

    inThreads(
        () -> {
          together.await(); // every round starts at once, so reads see the same version
          while (true) {
            Order o = orders.findById(id).orElseThrow();
            try {
              orders.save(o.withQuantity(o.quantity() + 1));
              return;
            } catch (OptimisticLockException e) {
              assertThat(e.expectedVersion()).isEqualTo(o.version());
              assertThat(e.currentVersion()).isGreaterThan(o.version());
              conflicts.incrementAndGet();
            }
          }
        });

    assertThat(orders.findById(id).orElseThrow().quantity()).isEqualTo(THREADS * INCREMENTS);
    assertThat(conflicts.get()).isPositive();
  }

  @Test
  void insertRefusesAnExistingEntityWithOrWithoutVersion() {
    Stock s = stock.insert(Stock.of("s1", 1, "w", null));
    assertThat(s.version()).isPositive();
    assertThatThrownBy(() -> stock.insert(Stock.of("s1", 2, "w", null)))
        .isInstanceOfSatisfying(
            EntityExistsException.class,
            e -> {
              assertThat(e.currentVersion()).isEqualTo(s.version());
              assertThat(e.key()).isEqualTo("/it/stock/s1");
            });
    // with a version: insert still means "must not exist"
    assertThatThrownBy(() -> stock.insert(s)).isInstanceOf(EntityExistsException.class);

    devices.insert(new Device("d1", "ann", null));
    assertThatThrownBy(() -> devices.insert(new Device("d1", "bob", null)))
        .isInstanceOf(EntityExistsException.class);
    assertThat(devices.findById("d1")).contains(new Device("d1", "ann", null));

    Order o = orders.insert(Order.of("eu", "o1", 1));
    assertThatThrownBy(() -> orders.insert(o)).isInstanceOf(EntityExistsException.class);
  }

  @Test
  void updateNeedsTheCurrentVersionOrAnExistingEntity() {
    Stock s = stock.save(Stock.of("s1", 1, "w", null));
    Stock updated = stock.update(s.minus(1));
    assertThat(updated.available()).isZero();
    assertThat(updated.version()).isGreaterThan(s.version());

    assertThatThrownBy(() -> stock.update(s.minus(5)))
        .isInstanceOfSatisfying(
            OptimisticLockException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(s.version());
              assertThat(e.currentVersion()).isEqualTo(updated.version());
            });
    assertThatThrownBy(() -> stock.update(Stock.of("s2", 1, "w", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 0");

    // FIELDS layout, no index: the range guards
    ServiceConfig c = configs.save(ServiceConfig.of("prod", "api", 80));
    configs.update(c.withPort(81));
    assertThatThrownBy(() -> configs.update(c.withPort(82)))
        .isInstanceOf(OptimisticLockException.class);

    // without @Version: the entity must exist
    assertThatThrownBy(() -> devices.update(new Device("nope", "ann", null)))
        .isInstanceOfSatisfying(
            EntityNotFoundException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("Device");
              assertThat(e.key()).isEqualTo("/it/devices/nope");
            });
    assertThat(devices.existsById("nope")).isFalse();
    devices.save(new Device("d1", "ann", null));
    assertThat(devices.update(new Device("d1", "bob", null)))
        .isEqualTo(new Device("d1", "bob", null));
  }

  @Test
  void updateWithAFunctionOfAMissingEntityIsNotFound() {
    assertThatThrownBy(() -> stock.update("nope", s -> s.minus(1)))
        .isInstanceOf(EntityNotFoundException.class)
        .hasMessage("Stock at '/it/stock/nope' does not exist");
    assertThatThrownBy(() -> configs.update(new ServiceConfig.Id("prod", "nope"), c -> c))
        .isInstanceOf(EntityNotFoundException.class);
  }

  @Test
  void theChangeFunctionsExceptionAbortsTheUpdateAndComesBackAsItWas() {
    Stock s = stock.save(Stock.of("s1", 1, "w", null));
    IllegalStateException outOfStock = new IllegalStateException("out of stock");
    assertThatThrownBy(
            () ->
                stock.update(
                    "s1",
                    x -> {
                      throw outOfStock;
                    }))
        .isSameAs(outOfStock);
    assertThat(stock.findById("s1")).contains(s);

    assertThatThrownBy(() -> stock.update("s1", x -> Stock.of("other", 1, "w", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a change must keep the id");
    assertThat(stock.async().update("s1", x -> x.minus(1)).join().available()).isZero();
  }

  @Test
  void anUpdateThatAlwaysLosesGivesUpAfterItsAttempts() {
    try (EtcdClient fast =
        EtcdClient.builder()
            .endpoints(etcd.endpoint())
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
            .build()) {
      OrderRepository o = Repositories.create(OrderRepository.class, fast);
      o.save(Order.of("eu", "hot", 0));
      AtomicInteger calls = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  o.update(
                      new Order.Id("eu", "hot"),
                      x -> {
                        calls.incrementAndGet();
                        // another writer gets in between every read and write
                        etcd.etcdctl("put", "/it/orders/eu/hot", "{\"quantity\":" + calls + "}");
                        return x.withQuantity(-1);
                      }))
          .isInstanceOfSatisfying(
              OptimisticLockException.class,
              e -> {
                assertThat(e).hasMessageContaining("during each of 50 attempts");
                assertThat(e.currentVersion()).isGreaterThan(e.expectedVersion());
              });
      assertThat(calls.get()).isEqualTo(Retries.MAX_ATTEMPTS);
      assertThat(o.findById(new Order.Id("eu", "hot")).orElseThrow().quantity()).isEqualTo(50);
    }
  }

  @Test
  void deleteOfAVersionedEntityComparesItsVersion() {
    Stock s = stock.save(Stock.of("s1", 1, "w", "b1"));
    Stock newer = stock.save(s.minus(1));

    assertThatThrownBy(() -> stock.delete(s))
        .isInstanceOfSatisfying(
            OptimisticLockException.class,
            e -> assertThat(e.currentVersion()).isEqualTo(newer.version()));
    assertThat(stock.existsById("s1")).isTrue();

    stock.delete(newer);
    assertThat(stock.existsById("s1")).isFalse();
    assertThatThrownBy(() -> stock.delete(newer))
        .isInstanceOfSatisfying(
            OptimisticLockException.class, e -> assertThat(e.currentVersion()).isZero());

    // version 0: a delete by id
    stock.save(Stock.of("s2", 1, "w", null));
    stock.delete(Stock.of("s2", 0, "x", null));
    assertThat(stock.existsById("s2")).isFalse();
    stock.delete(Stock.of("s2", 0, "x", null)); // absent: nothing to do

    Order o = orders.save(Order.of("eu", "o1", 1));
    orders.save(o.withQuantity(2));
    assertThatThrownBy(() -> orders.delete(o)).isInstanceOf(OptimisticLockException.class);
    assertThat(orders.async().deleteById(o.key()).join()).isTrue();
  }
}
