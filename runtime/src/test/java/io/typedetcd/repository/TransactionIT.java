package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.TooManyTxnOpsException;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.repository.fixtures.Account;
import io.typedetcd.repository.fixtures.AccountRepository;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.repository.fixtures.Stock;
import io.typedetcd.repository.fixtures.StockRepository;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cross-repository transactions against real etcd. */
class TransactionIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static OrderRepository orders;
  static StockRepository stock;
  static AccountRepository carts;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    orders = Repositories.create(OrderRepository.class, client);
    stock = Repositories.create(StockRepository.class, client);
    carts = Repositories.create(AccountRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it", DeleteOptions.DEFAULT.withPrefix()));
  }

  static final class OutOfStock extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfStock(String sku) {
      super(sku + " is out of stock");
    }
  }

  static Stock take(Stock s, int n) {
    if (s.available() < n) {
      throw new OutOfStock(s.sku());
    }
    return s.minus(n);
  }

  @Test
  void writesOfSeveralRepositoriesCommitAsOneTransaction() {
    stock.save(Stock.of("sku1", 5, "berlin", "b1"));
    carts.save(new Account(7, "ann", 100));
    Order order = Order.of("eu", "o1", 2);

    List<Transaction.Staged<?>> handles = new ArrayList<>();
    TransactionResult r =
        Transactions.run(
            client,
            tx -> {
              handles.add(tx.insert(orders, order));
              handles.add(tx.deleteById(carts, 7L));
              handles.add(tx.update(stock, "sku1", s -> take(s, order.quantity())));
            });

    assertThat(r.attempts()).isEqualTo(1);
    Order savedOrder = (Order) handles.get(0).get();
    Stock savedStock = (Stock) handles.get(2).get();
    assertThat(savedOrder.version()).isEqualTo(r.revision());
    assertThat(savedStock.version()).isEqualTo(r.revision());
    assertThat(savedStock.available()).isEqualTo(3);
    assertThat(handles.get(1).get()).isEqualTo(true);
    assertThat(orders.findById(order.key())).contains(savedOrder);
    assertThat(carts.existsById(7L)).isFalse();
    assertThat(stock.findByWarehouse("berlin")).containsExactly(savedStock);
    assertThat(
            Blocking.get(client.kv().get("/it/stock%idx/warehouse/berlin/sku1"))
                .kvs()
                .get(0)
                .modRevision())
        .isEqualTo(r.revision());
  }

  @Test
  void concurrentOrdersNeverOversell() throws Exception {
    stock.save(Stock.of("sku1", 10, "berlin", null));
    AtomicInteger sold = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Order order = Order.of("eu", "o" + i, 1);
      all.add(
          Transactions.runAsync(
                  client,
                  tx -> {
                    tx.insert(orders, order);
                    tx.update(stock, "sku1", s -> take(s, 1));
                  })
              .handle(
                  (r, e) -> {
                    if (e == null) {
                      sold.incrementAndGet();
                      if (r.attempts() > 1) {
                        retried.incrementAndGet();
                      }
                    } else if (e.getCause() instanceof OutOfStock) {
                      refused.incrementAndGet();
                    } else {
                      throw new AssertionError(e);
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).join();

    assertThat(sold.get()).isEqualTo(10);
    assertThat(refused.get()).isEqualTo(6);
    assertThat(retried.get()).isPositive();
    assertThat(stock.findById("sku1").orElseThrow().available()).isZero();
    assertThat(orders.count()).isEqualTo(10);
  }

  @Test
  void aCallerVersionConflictFailsAtOnceAndWritesNothing() {
    Stock s = stock.save(Stock.of("sku1", 5, "berlin", null));
    stock.save(s.minus(1));
    long before = Blocking.get(client.kv().get("/x")).header().revision();

    assertThatThrownBy(
            () ->
                Transactions.run(
                    client,
                    tx -> {
                      tx.insert(orders, Order.of("eu", "o1", 1));
                      tx.save(stock, s.minus(1)); // stale version
                    }))
        .isInstanceOf(OptimisticLockException.class);
    assertThatThrownBy(
            () ->
                Transactions.run(
                    client,
                    tx -> {
                      tx.insert(orders, Order.of("eu", "o1", 1));
                      tx.insert(stock, Stock.of("sku1", 1, "x", null));
                    }))
        .isInstanceOf(EntityExistsException.class);
    assertThatThrownBy(
            () ->
                Transactions.run(
                    client,
                    tx -> {
                      tx.insert(orders, Order.of("eu", "o1", 1));
                      tx.update(stock, "nope", x -> x);
                    }))
        .isInstanceOf(EntityNotFoundException.class);
    stock.save(Stock.of("sku2", 1, "w", "code"));
    assertThatThrownBy(
            () ->
                Transactions.run(
                    client,
                    tx -> {
                      tx.insert(orders, Order.of("eu", "o1", 1));
                      tx.insert(stock, Stock.of("sku3", 1, "w", "code"));
                    }))
        .isInstanceOf(UniqueConstraintException.class);
    assertThatThrownBy(
            () ->
                Transactions.run(
                    client,
                    tx -> {
                      tx.insert(orders, Order.of("eu", "o1", 1));
                      tx.update(stock, "sku1", x -> take(x, 100));
                    }))
        .isInstanceOf(OutOfStock.class);
    assertThat(orders.count()).isZero();
    assertThat(Blocking.get(client.kv().get("/x")).header().revision()).isEqualTo(before + 1);
  }

  @Test
  void aTransactionOverTheLimitsIsRefusedBeforeSending() {
    long before = Blocking.get(client.kv().get("/x")).header().revision();
    assertThatThrownBy(
            () ->
                Transactions.run(
                    client,
                    tx -> {
                      for (int i = 0; i < 129; i++) {
                        tx.save(carts, new Account(i, "a", 0));
                      }
                    }))
        .isInstanceOf(TooManyTxnOpsException.class)
        .hasMessageContaining("a transaction of 129 writes needs 129 operations");
    assertThat(Blocking.get(client.kv().get("/x")).header().revision()).isEqualTo(before);
  }

  @Test
  void transactionsCheckWhatTheyAreGiven() {
    Transaction[] escaped = new Transaction[1];
    TransactionResult empty = Transactions.run(client, tx -> escaped[0] = tx);
    assertThat(empty).isEqualTo(new TransactionResult(0, 0));
    assertThatThrownBy(() -> escaped[0].save(carts, new Account(1, "a", 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside the transaction body");

    try (EtcdClient other = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      AccountRepository foreign = Repositories.create(AccountRepository.class, other);
      assertThatThrownBy(
              () -> Transactions.run(client, tx -> tx.save(foreign, new Account(1, "a", 0))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("uses another client");
    }
    assertThatThrownBy(
            () ->
                Transactions.run(
                    client,
                    tx -> {
                      tx.save(carts, new Account(1, "a", 0));
                      tx.deleteById(carts, 1L);
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Account at '/it/accounts/00000000000000000001' appears twice");

    Transaction.Staged<?>[] staged = new Transaction.Staged<?>[1];
    Transactions.run(
        client,
        tx -> {
          staged[0] = tx.save(carts, new Account(2, "b", 0));
          assertThatThrownBy(staged[0]::get).isInstanceOf(IllegalStateException.class);
        });
    assertThat(staged[0].get()).isEqualTo(new Account(2, "b", 0));
  }
}
