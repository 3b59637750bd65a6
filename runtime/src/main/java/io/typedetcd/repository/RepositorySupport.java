package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The part of {@link AbstractRepository} that keeps writes consistent under concurrency and keeps
 * secondary indexes: every write goes through {@link Writes} (guards, index keys in the same
 * transaction, retries of read-modify-writes), batches through {@link ChunkedWrites}, index reads
 * through {@link IndexQuery}. Kept apart so that each class stays small; applications see it only
 * through {@link CrudRepository}.
 */
abstract class RepositorySupport<T, ID> {
  /** How many single-entity writes of an option-less {@code saveAll}/{@code deleteAll} overlap. */
  private static final int WINDOW = 16;

  final EntityType<T, ID> entityType;
  final TxnContext txns;
  private final IndexReads<T, ID> indexReads;
  private final IndexMaintenance<T, ID> maintenance;
  private final Map<String, IndexQuery<T>> queries = new ConcurrentHashMap<>();

  RepositorySupport(EtcdClient client, EntityMapper<T, ID> mapper, EntityStore<T, ID> store) {
    this.txns = TxnContext.of(client);
    this.entityType = new EntityType<>(mapper, store);
    this.indexReads = new IndexReads<>(entityType, txns);
    this.maintenance = new IndexMaintenance<>(entityType, txns);
  }

  // ---- blocking; CrudRepository documents them ----

  public T insert(T entity) {
    return Blocking.get(insertAsync(entity));
  }

  public T update(T entity) {
    return Blocking.get(updateAsync(entity));
  }

  public T update(ID id, UnaryOperator<T> change) {
    return Waits.get(updateAsync(id, change));
  }

  public BatchResult<T> saveAll(Iterable<? extends T> entities, BatchOptions options) {
    return Blocking.get(saveAllAsync(entities, options));
  }

  public long deleteAll(Iterable<? extends T> entities) {
    return Blocking.get(deleteAllAsync(entities));
  }

  public BatchResult<Boolean> deleteAll(Iterable<? extends T> entities, BatchOptions options) {
    return Blocking.get(deleteAllAsync(entities, options));
  }

  public long deleteAllById(Iterable<? extends ID> ids) {
    return Blocking.get(deleteAllByIdAsync(ids));
  }

  public BatchResult<Boolean> deleteAllById(Iterable<? extends ID> ids, BatchOptions options) {
    return Blocking.get(deleteAllByIdAsync(ids, options));
  }

  public IndexReport verifyIndexes() {
    return Blocking.get(maintenance.verify());
  }

  public IndexReport rebuildIndexes() {
    return Blocking.get(maintenance.rebuild());
  }

  // ---- what generated derived queries on @Indexed properties call ----

  /**
   * The queries of the index on {@code property}; an {@link IllegalArgumentException} naming the
   * indexed properties when there is none.
   *
   * <pre>{@code
   * return index("zone").find(KeySegments.string(zone)); // generated findByZone(String zone)
   * }</pre>
   */
  protected final IndexQuery<T> index(String property) {
    return queries.computeIfAbsent(
        property,
        p ->
            new IndexQuery<>(
                entityType.indexes.get(p),
                indexReads,
                (value, options) -> deleteByIndex(entityType.indexes.get(p), value, options)));
  }

  // ---- async ----

  CompletableFuture<T> saveAsync(T entity) {
    return Writes.one(txns, entityType.save(nonNull(entity))).thenApply(EntityWrite::saved);
  }

  /** A save whose puts (entity and index keys) are all attached to {@code leaseId}. */
  CompletableFuture<T> saveAsync(T entity, long leaseId) {
    EntityWrite<T, ID> w = entityType.save(nonNull(entity)).finishPlan(p -> p.withLease(leaseId));
    return Writes.one(txns, w).thenApply(EntityWrite::saved);
  }

  CompletableFuture<T> insertAsync(T entity) {
    return Writes.one(txns, entityType.insert(nonNull(entity))).thenApply(EntityWrite::saved);
  }

  CompletableFuture<T> updateAsync(T entity) {
    return Writes.one(txns, entityType.update(nonNull(entity))).thenApply(EntityWrite::saved);
  }

  CompletableFuture<T> updateAsync(ID id, UnaryOperator<T> change) {
    EntityWrite<T, ID> w = entityType.update(Objects.requireNonNull(id, "id"), change);
    return Writes.one(txns, w).thenApply(EntityWrite::saved);
  }

  CompletableFuture<Boolean> deleteAsync(T entity) {
    return Writes.one(txns, entityType.delete(nonNull(entity))).thenApply(EntityWrite::existed);
  }

  CompletableFuture<Boolean> deleteByIdAsync(ID id) {
    EntityWrite<T, ID> w = entityType.deleteById(Objects.requireNonNull(id, "id"));
    return Writes.one(txns, w).thenApply(EntityWrite::existed);
  }

  /** Each entity in its own transaction, {@value #WINDOW} at a time; the first failure fails it. */
  CompletableFuture<List<T>> saveAllAsync(Iterable<? extends T> entities) {
    return Windowed.map(list(entities, "entities"), WINDOW, this::saveAsync);
  }

  CompletableFuture<BatchResult<T>> saveAllAsync(
      Iterable<? extends T> entities, BatchOptions options) {
    return batch(list(entities, "entities"), entityType::save, options, EntityWrite::saved);
  }

  CompletableFuture<Long> deleteAllAsync(Iterable<? extends T> entities) {
    return Windowed.map(list(entities, "entities"), WINDOW, this::deleteAsync)
        .thenApply(RepositorySupport::countTrue);
  }

  CompletableFuture<BatchResult<Boolean>> deleteAllAsync(
      Iterable<? extends T> entities, BatchOptions options) {
    return batch(list(entities, "entities"), entityType::delete, options, EntityWrite::existed);
  }

  CompletableFuture<Long> deleteAllByIdAsync(Iterable<? extends ID> ids) {
    return Windowed.map(list(ids, "ids"), WINDOW, this::deleteByIdAsync)
        .thenApply(RepositorySupport::countTrue);
  }

  CompletableFuture<BatchResult<Boolean>> deleteAllByIdAsync(
      Iterable<? extends ID> ids, BatchOptions options) {
    return batch(list(ids, "ids"), entityType::deleteById, options, EntityWrite::existed);
  }

  CompletableFuture<IndexReport> verifyIndexesAsync() {
    return maintenance.verify();
  }

  CompletableFuture<IndexReport> rebuildIndexesAsync() {
    return maintenance.rebuild();
  }

  /**
   * Deletes every entity under {@code prefix}: one range delete without indexes; with indexes,
   * every entity and its index keys (the whole type: one transaction of range deletes; a narrower
   * prefix: the entities found at one revision, deleted by id in chunks). Returns how many were
   * deleted.
   */
  CompletableFuture<Long> deleteUnderAsync(ByteString prefix) {
    return PrefixDeletes.delete(this, prefix);
  }

  /**
   * Deletes the entities found with the value, each only if it still has the value when it is
   * deleted (an entity that changed meanwhile is left, and reported as not deleted).
   */
  private CompletableFuture<BatchResult<Boolean>> deleteByIndex(
      IndexDefinition<T> index, String value, BatchOptions options) {
    Objects.requireNonNull(options, "options");
    return indexReads
        .find(index, value, 0)
        .thenCompose(
            found ->
                batch(
                    found,
                    e ->
                        entityType
                            .deleteById(entityType.mapper.id(e))
                            .onlyIf(x -> value.equals(entityType.indexes.value(index, x))),
                    options,
                    EntityWrite::existed));
  }

  private <E, R> CompletableFuture<BatchResult<R>> batch(
      List<? extends E> items,
      Function<E, EntityWrite<T, ID>> write,
      BatchOptions options,
      Function<EntityWrite<T, ID>, R> result) {
    Objects.requireNonNull(options, "options");
    List<EntityWrite<T, ID>> writes = new ArrayList<>(items.size());
    for (E item : items) {
      writes.add(write.apply(item));
    }
    return options.isAtomic()
        ? Writes.atomicBatch(txns, writes, result)
        : ChunkedWrites.run(txns, writes, options, result);
  }

  private static <E> List<E> list(Iterable<? extends E> items, String name) {
    Objects.requireNonNull(items, name);
    List<E> list = new ArrayList<>();
    for (E e : items) {
      list.add(Objects.requireNonNull(e, () -> name + "[" + list.size() + "] is null"));
    }
    return list;
  }

  private static long countTrue(List<Boolean> results) {
    return results.stream().filter(Boolean::booleanValue).count();
  }

  private static <E> E nonNull(E entity) {
    return Objects.requireNonNull(entity, "entity");
  }
}
