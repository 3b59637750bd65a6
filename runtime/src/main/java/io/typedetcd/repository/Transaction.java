package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The writes of one cross-repository transaction, staged by the body given to {@link
 * Transactions#run}. Staging does no I/O: at commit every write is read and planned (with its index
 * keys) and all of them go to etcd as one transaction with all their compares. Each staged write
 * returns a handle whose value is there once the transaction committed.
 *
 * <pre>{@code
 * TransactionResult r = Transactions.run(client, tx -> {
 *   tx.insert(orders, order);
 *   tx.deleteById(carts, cartId);
 *   tx.update(stock, sku, s -> s.minus(order.quantity()));
 * });
 * }</pre>
 *
 * <p>The same entity may be staged once per transaction. The verbs mean what the repository's
 * methods of the same name mean, with the same typed conflicts ({@link EntityExistsException},
 * {@link OptimisticLockException}, {@link UniqueConstraintException}, {@link
 * EntityNotFoundException}). Not thread-safe: stage from the body only.
 */
public final class Transaction {
  private final EtcdClient client;
  private final List<EntityWrite<?, ?>> writes = new ArrayList<>();
  private boolean closed;

  Transaction(EtcdClient client) {
    this.client = client;
  }

  /** A save by version: insert at version 0, update at the entity's version, else upsert. */
  public <T, ID> Staged<T> save(CrudRepository<T, ID> repository, T entity) {
    EntityWrite<T, ID> w = type(repository).save(Objects.requireNonNull(entity, "entity"));
    return stage(w, w::saved);
  }

  /** An insert: the entity must not exist. */
  public <T, ID> Staged<T> insert(CrudRepository<T, ID> repository, T entity) {
    EntityWrite<T, ID> w = type(repository).insert(Objects.requireNonNull(entity, "entity"));
    return stage(w, w::saved);
  }

  /** An update of the entity at its version (or, without {@code @Version}, of an existing one). */
  public <T, ID> Staged<T> update(CrudRepository<T, ID> repository, T entity) {
    EntityWrite<T, ID> w = type(repository).update(Objects.requireNonNull(entity, "entity"));
    return stage(w, w::saved);
  }

  /**
   * A read-modify-write: at commit the entity is read and {@code change} applied to it; the write
   * is guarded by the version read, and a conflict retries the whole transaction, calling {@code
   * change} again. Keep {@code change} free of side effects; an exception it throws aborts the
   * transaction and reaches the caller as it is.
   */
  public <T, ID> Staged<T> update(
      CrudRepository<T, ID> repository, ID id, UnaryOperator<T> change) {
    EntityWrite<T, ID> w = type(repository).update(Objects.requireNonNull(id, "id"), change);
    return stage(w, w::saved);
  }

  /** A delete of the entity at its version (any version when it is 0); true if it existed. */
  public <T, ID> Staged<Boolean> delete(CrudRepository<T, ID> repository, T entity) {
    EntityWrite<T, ID> w = type(repository).delete(Objects.requireNonNull(entity, "entity"));
    return stage(w, w::existed);
  }

  /** A delete by id; true if the entity existed. */
  public <T, ID> Staged<Boolean> deleteById(CrudRepository<T, ID> repository, ID id) {
    EntityWrite<T, ID> w = type(repository).deleteById(Objects.requireNonNull(id, "id"));
    return stage(w, w::existed);
  }

  /** A staged write's outcome, available once the transaction committed. */
  public static final class Staged<R> {
    private final Supplier<R> value;
    private volatile boolean committed;

    private Staged(Supplier<R> value) {
      this.value = value;
    }

    /**
     * The stored entity (saves, updates) or whether it existed (deletes); an {@link
     * IllegalStateException} before the transaction committed.
     */
    public R get() {
      if (!committed) {
        throw new IllegalStateException("the transaction has not committed");
      }
      return value.get();
    }
  }

  private final List<Staged<?>> staged = new ArrayList<>();

  private <R> Staged<R> stage(EntityWrite<?, ?> w, Supplier<R> value) {
    if (closed) {
      throw new IllegalStateException("stage writes inside the transaction body only");
    }
    writes.add(w);
    Staged<R> s = new Staged<>(value);
    staged.add(s);
    return s;
  }

  private <T, ID> EntityType<T, ID> type(CrudRepository<T, ID> repository) {
    Objects.requireNonNull(repository, "repository");
    if (!(repository instanceof AbstractRepository<T, ID> r)) {
      throw new IllegalArgumentException(
          "repository must be a generated repository, was " + repository.getClass().getName());
    }
    if (r.client() != client) {
      throw new IllegalArgumentException(
          "repository "
              + repository.getClass().getName()
              + " uses another client; a transaction runs on one client");
    }
    return r.entityType;
  }

  /** The staged writes; staging ends. */
  List<EntityWrite<?, ?>> close() {
    closed = true;
    return List.copyOf(writes);
  }

  void committed() {
    for (Staged<?> s : staged) {
      s.committed = true;
    }
  }

  @Nullable String describe() {
    return writes.isEmpty() ? null : "a transaction of " + writes.size() + " writes";
  }
}
