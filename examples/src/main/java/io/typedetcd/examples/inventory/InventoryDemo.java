package io.typedetcd.examples.inventory;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.testing.EtcdServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inventory on a throwaway etcd: a catalog with unique SKUs, then eight shoppers racing for ten
 * mugs; each order and its stock change commit together or not at all, so exactly ten are sold.
 *
 * <pre>{@code DEMO_MAIN=io.typedetcd.examples.inventory.InventoryDemo scripts/demo.sh}</pre>
 */
public final class InventoryDemo {
  static final int SHOPPERS = 8;
  static final int ORDERS_EACH = 5;

  private InventoryDemo() {}

  public static void main(String[] args) throws Exception {
    try (EtcdServer etcd = EtcdServer.builder().name("inventory-demo").build()) {
      etcd.start();
      say("started a throwaway etcd at %s", etcd.endpoint());
      try (EtcdClient client = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
        run(new Inventory(client));
      }
    }
    say("stopped etcd and deleted its data; bye");
  }

  private static void run(Inventory inventory) throws Exception {
    inventory.addProduct(new Product("p-1", "Mug", "MUG-1"), 10);
    inventory.addProduct(new Product("p-2", "T-shirt", "TEE-1"), 5);
    say("catalog: %s", inventory.products().findAll());
    try {
      inventory.addProduct(new Product("p-3", "Another mug", "MUG-1"), 3);
      throw new IllegalStateException("a second product with SKU MUG-1 was accepted");
    } catch (EtcdException e) {
      say(
          "a second product with SKU MUG-1 is refused (%s); nothing of it was stored: %s",
          e.getClass().getSimpleName(), inventory.products().findById("p-3").isEmpty());
    }
    say("SKU MUG-1 belongs to %s", inventory.products().findBySku("MUG-1").orElseThrow());

    say(
        "%d shoppers place %d orders of one mug each, all at once, for 10 mugs...",
        SHOPPERS, ORDERS_EACH);
    AtomicInteger placed = new AtomicInteger();
    AtomicInteger turnedAway = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(SHOPPERS);
    try {
      List<Future<?>> shoppers = new ArrayList<>();
      for (int s = 0; s < SHOPPERS; s++) {
        int shopper = s;
        shoppers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < ORDERS_EACH; i++) {
                    try {
                      inventory.placeOrder(new Order("o-" + shopper + "-" + i, "MUG-1", 1));
                      placed.incrementAndGet();
                    } catch (OutOfStockException e) {
                      turnedAway.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : shoppers) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    int sold = inventory.orders().findAll().stream().mapToInt(Order::quantity).sum();
    say("%d orders placed, %d turned away as out of stock", placed.get(), turnedAway.get());
    say(
        "orders in etcd add up to %d mugs; mugs left in stock: %d (never below zero)",
        sold, inventory.stock().findById("MUG-1").orElseThrow().available());

    Stock restocked = inventory.restock("MUG-1", 5);
    say(
        "restocked 5 mugs with update(id, fn): %d available, version %d",
        restocked.available(), restocked.version());
  }

  private static void say(String format, Object... args) {
    System.out.println("demo: " + String.format(format, args));
  }
}
