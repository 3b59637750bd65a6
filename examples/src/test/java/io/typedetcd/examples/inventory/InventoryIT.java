package io.typedetcd.examples.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityNotFoundException;
import io.typedetcd.repository.Subscription;
import io.typedetcd.repository.UniqueConstraintException;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inventory example: concurrent orders against real etcd never oversell. */
class InventoryIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final int THREADS = 8;

  static EtcdClient client;
  static Inventory inventory;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    inventory = new Inventory(client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void emptyShop() {
    inventory.orders().deleteAll();
    inventory.stock().deleteAll();
    inventory.products().deleteAll();
  }

  /** Runs {@code task(thread, i)} {@code perThread} times on each of THREADS threads at once. */
  static void race(int perThread, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Void>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Void> run =
            () -> {
              go.await();
              for (int i = 0; i < perThread; i++) {
                task.run(thread, i);
              }
              return null;
            };
        runs.add(pool.submit(run));
      }
      go.countDown();
      for (Future<Void> f : runs) {
        f.get(40, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  interface Task {
    void run(int thread, int i) throws Exception;
  }

  @Test
  void concurrentOrdersSellExactlyTheStockAndNeverMore() throws Exception {
    int stock = 25;
    int perThread = 8; // 64 orders of one unit for 25 units
    inventory.addProduct(new Product("p-1", "Mug", "MUG-1"), stock);
    List<Integer> seen = new ArrayList<>(); // available after each change, as the watch saw it
    try (Subscription watch =
        inventory
            .stock()
            .watchAll(
                e -> {
                  if (e instanceof EntityEvent.Updated<Stock, String> u) {
                    synchronized (seen) {
                      seen.add(u.current().available());
                    }
                  }
                })) {
      Blocking.get(watch.started());
      AtomicInteger placed = new AtomicInteger();
      AtomicInteger turnedAway = new AtomicInteger();
      race(
          perThread,
          (thread, i) -> {
            try {
              inventory.placeOrder(new Order("o-" + thread + "-" + i, "MUG-1", 1));
              placed.incrementAndGet();
            } catch (OutOfStockException e) {
              assertThat(e.available()).isZero();
              turnedAway.incrementAndGet();
            }
          });

      assertThat(placed.get()).isEqualTo(stock);
      assertThat(turnedAway.get()).isEqualTo(THREADS * perThread - stock);
      List<Order> orders = inventory.orders().findAll();
      assertThat(orders).hasSize(stock);
      assertThat(orders.stream().mapToInt(Order::quantity).sum()).isEqualTo(stock);
      Stock left = inventory.stock().findById("MUG-1").orElseThrow();
      assertThat(left.available()).isZero();

      // One update per sale, each taking exactly one unit: 24, 23, ..., 0.
      long lastRevision = left.version();
      Eventually.until(
          Duration.ofSeconds(5),
          "the watch reached revision " + lastRevision,
          () -> watch.revision() >= lastRevision);
      synchronized (seen) {
        assertThat(seen).hasSize(stock).allMatch(n -> n >= 0).isSortedAccordingTo((a, b) -> b - a);
        assertThat(seen.get(stock - 1)).isZero();
      }
    }
  }

  @Test
  void concurrentRestocksThroughUpdateLoseNoUnit() throws Exception {
    inventory.addProduct(new Product("p-2", "T-shirt", "TEE-1"), 0);
    race(10, (thread, i) -> inventory.restock("TEE-1", 1));
    assertThat(inventory.stock().findById("TEE-1").orElseThrow().available())
        .isEqualTo(THREADS * 10);
  }

  @Test
  void ordersAndRestocksRacingKeepTheBooksBalanced() throws Exception {
    inventory.addProduct(new Product("p-3", "Cap", "CAP-1"), 5);
    AtomicInteger placed = new AtomicInteger();
    race(
        6,
        (thread, i) -> {
          if (thread % 2 == 0) {
            inventory.restock("CAP-1", 1); // 4 threads x 6 = 24 units more
          } else {
            try {
              inventory.placeOrder(new Order("c-" + thread + "-" + i, "CAP-1", 1));
              placed.incrementAndGet();
            } catch (OutOfStockException e) {
              // sold out for the moment
            }
          }
        });
    int ordered = inventory.orders().findAll().stream().mapToInt(Order::quantity).sum();
    assertThat(ordered).isEqualTo(placed.get());
    assertThat(inventory.stock().findById("CAP-1").orElseThrow().available())
        .isEqualTo(5 + 24 - ordered)
        .isNotNegative();
  }

  @Test
  void aSkuBelongsToOneProductOnly() {
    inventory.addProduct(new Product("p-1", "Mug", "MUG-1"), 3);
    assertThat(inventory.products().findBySku("MUG-1"))
        .contains(new Product("p-1", "Mug", "MUG-1"));
    assertThat(inventory.products().findBySku("MUG-2")).isEmpty();

    // Straight into the catalog: the unique index refuses it.
    assertThatThrownBy(() -> inventory.products().save(new Product("p-2", "Other mug", "MUG-1")))
        .isInstanceOfSatisfying(
            UniqueConstraintException.class,
            e -> {
              assertThat(e.property()).isEqualTo("sku");
              assertThat(e.value()).isEqualTo("MUG-1");
              assertThat(e.holderKey()).isEqualTo("/inventory/products/p-1");
            });
    // Through the service, product and stock in one transaction: neither is written.
    assertThatThrownBy(() -> inventory.addProduct(new Product("p-3", "Mug too", "MUG-1"), 5))
        .isInstanceOf(UniqueConstraintException.class);
    assertThat(inventory.products().findAll()).extracting(Product::id).containsExactly("p-1");
    assertThat(inventory.stock().findById("MUG-1").orElseThrow().available()).isEqualTo(3);

    // Once p-1 changes its SKU, MUG-1 is free again, in the same transaction as the change.
    inventory.products().save(new Product("p-1", "Mug", "MUG-1-OLD"));
    inventory.products().save(new Product("p-2", "Other mug", "MUG-1"));
    assertThat(inventory.products().findBySku("MUG-1")).map(Product::id).contains("p-2");
    assertThat(inventory.products().findBySku("MUG-1-OLD")).map(Product::id).contains("p-1");
  }

  @Test
  void aFailedOrderLeavesNothingBehind() {
    inventory.addProduct(new Product("p-1", "Mug", "MUG-1"), 1);
    assertThatThrownBy(() -> inventory.placeOrder(new Order("o-1", "NOPE-1", 1)))
        .isInstanceOf(EntityNotFoundException.class);
    assertThatThrownBy(() -> inventory.placeOrder(new Order("o-2", "MUG-1", 2)))
        .isInstanceOf(OutOfStockException.class)
        .hasMessage("only 1 of MUG-1 left, 2 wanted");
    assertThat(inventory.orders().count()).isZero();
    assertThat(inventory.stock().findById("MUG-1").orElseThrow().available()).isEqualTo(1);
  }
}
