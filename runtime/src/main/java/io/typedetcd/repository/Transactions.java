package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Writes of several repositories in one etcd transaction, all or nothing.
 *
 * <pre>{@code
 * Transactions.run(client, tx -> {
 *   tx.insert(orders, order);
 *   tx.deleteById(carts, cartId);
 *   tx.update(stock, sku, s -> {
 *     if (s.available() < order.quantity()) {
 *       throw new OutOfStockException(sku); // aborts: nothing is written
 *     }
 *     return s.minus(order.quantity());
 *   });
 * });
 * }</pre>
 *
 * <p>The body runs once and only stages writes ({@link Transaction}). At commit, the writes are
 * read and planned and sent as one transaction holding every compare. When it fails only on what it
 * read itself (another writer changed an entity an {@code update(id, fn)} read, or an index key),
 * the whole transaction is read, planned and sent again, after a backoff, at most 50 attempts; when
 * a compare on what the caller passed fails (an entity's {@code @Version}, an insert), it fails at
 * once with that typed conflict. Like a single transaction it must fit the client's {@code
 * maxTxnOps} and {@code maxRequestBytes}, checked before it is sent.
 *
 * <p>Why a static entry point rather than {@code client.transaction(...)}: the verbs are repository
 * verbs (entities, versions, index keys, typed conflicts) and the client package does not know
 * repositories; keeping the entry point here keeps {@code io.typedetcd.client} free of them, with
 * no service-provider indirection for what has exactly one implementation.
 */
public final class Transactions {
  private Transactions() {}

  /**
   * Stages the writes with {@code body} and commits them in one transaction; exceptions thrown by
   * the body or by a change function reach the caller as they are.
   */
  public static TransactionResult run(EtcdClient client, Consumer<Transaction> body) {
    return Waits.get(runAsync(client, body));
  }

  /** Like {@link #run}, the body running on the calling thread. */
  public static CompletableFuture<TransactionResult> runAsync(
      EtcdClient client, Consumer<Transaction> body) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(body, "body");
    Transaction tx = new Transaction(client);
    try {
      body.accept(tx);
    } catch (RuntimeException e) {
      tx.close();
      return CompletableFuture.failedFuture(e);
    }
    List<EntityWrite<?, ?>> writes = tx.close();
    String what = tx.describe();
    if (what == null) {
      tx.committed();
      return CompletableFuture.completedFuture(new TransactionResult(0, 0));
    }
    TxnContext ctx = TxnContext.of(client);
    try {
      return Writes.atomic(ctx, writes, what)
          .thenApply(
              o -> {
                tx.committed();
                return new TransactionResult(o.value().header().revision(), o.attempts());
              });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
