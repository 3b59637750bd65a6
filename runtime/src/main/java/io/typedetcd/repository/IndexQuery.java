package io.typedetcd.repository;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The derived queries of one {@code @Indexed} property: what generated {@code findBy<Property>},
 * {@code countBy}, {@code existsBy}, {@code streamBy} and {@code deleteBy} methods call, with the
 * value encoded as the mapper's index encodes it. Thread-safe.
 *
 * <pre>{@code
 * // generated for List<ServiceInstance> findByZone(String zone)
 * public List<ServiceInstance> findByZone(String zone) {
 *   return index("zone").find(KeySegments.string(zone));
 * }
 * }</pre>
 *
 * <p>Reads go through the index and then fetch the entities at the index's revision, in one
 * transaction of range reads per page of at most {@code maxTxnOps} entities; an entity that no
 * longer has the value is never returned, even when the index is stale (written by a tool that
 * bypassed the repository; see {@code verifyIndexes()}). Results come in entity key order.
 */
public final class IndexQuery<T> {
  private final IndexDefinition<T> index;
  private final IndexReads<T, ?> reads;
  private final BiFunction<String, BatchOptions, CompletableFuture<BatchResult<Boolean>>> deleter;

  IndexQuery(
      IndexDefinition<T> index,
      IndexReads<T, ?> reads,
      BiFunction<String, BatchOptions, CompletableFuture<BatchResult<Boolean>>> deleter) {
    this.index = index;
    this.reads = reads;
    this.deleter = deleter;
  }

  /** The index. */
  public IndexDefinition<T> definition() {
    return index;
  }

  /** Every entity with the value. */
  public List<T> find(String value) {
    return Blocking.get(findAsync(value));
  }

  /** The first {@code limit} entities with the value (0: all). */
  public List<T> find(String value, int limit) {
    return Blocking.get(findAsync(value, limit));
  }

  /**
   * The entity with the value, if any; an {@code EtcdException} when several have it (never for a
   * unique index).
   */
  public Optional<T> findOne(String value) {
    return Blocking.get(findOneAsync(value));
  }

  /**
   * One page of the entities with the value, in entity key order: what a generated {@code
   * findBy<Property>(value, PageRequest)} calls. Every page of a sequence reads the first page's
   * revision; a token whose revision etcd has compacted fails with {@link PageExpiredException}.
   * Stale index entries are skipped (an entity that no longer has the value at that revision is
   * never returned), so a last page may come out empty. A unique index gives one last page of at
   * most one entity.
   */
  public Page<T> findPage(String value, PageRequest request) {
    return Blocking.get(findPageAsync(value, request));
  }

  /** The entities with the value, read lazily a page at a time at one revision; close it. */
  public Stream<T> stream(String value) {
    return reads.stream(index, value);
  }

  /**
   * How many entities have the value. It reads them, page by page, so that it agrees with {@link
   * #find(String)} even over a stale index: its cost grows with the matches.
   */
  public long count(String value) {
    return Blocking.get(countAsync(value));
  }

  public boolean exists(String value) {
    return Blocking.get(existsAsync(value));
  }

  /**
   * Deletes every entity with the value, with its index keys, in chunks ({@link
   * BatchOptions#chunked()}); returns how many were deleted. A conflict (the entity changed
   * meanwhile, and retries ran out) fails the call after the other chunks were applied.
   */
  public long delete(String value) {
    return Blocking.get(deleteAsync(value));
  }

  /** Deletes every entity with the value as {@code options} say, chunk by chunk. */
  public BatchResult<Boolean> delete(String value, BatchOptions options) {
    return Blocking.get(deleteAsync(value, options));
  }

  public CompletableFuture<List<T>> findAsync(String value) {
    return reads.find(index, value, 0);
  }

  public CompletableFuture<List<T>> findAsync(String value, int limit) {
    return reads.find(index, value, limit);
  }

  /** {@link #findPage(String, PageRequest)}, without blocking. */
  public CompletableFuture<Page<T>> findPageAsync(String value, PageRequest request) {
    return reads.findPage(index, value, request);
  }

  public CompletableFuture<Optional<T>> findOneAsync(String value) {
    return reads
        .find(index, value, 2)
        .thenApply(
            found -> {
              if (found.size() > 1) {
                throw new EtcdException(
                    "expected at most one entity with "
                        + index.property()
                        + " '"
                        + value
                        + "', found several",
                    null,
                    null);
              }
              return found.stream().findFirst();
            });
  }

  public CompletableFuture<Long> countAsync(String value) {
    return reads.count(index, value);
  }

  public CompletableFuture<Boolean> existsAsync(String value) {
    return reads.find(index, value, 1).thenApply(found -> !found.isEmpty());
  }

  public CompletableFuture<Long> deleteAsync(String value) {
    return deleter
        .apply(value, BatchOptions.chunked())
        .thenApply(
            r -> {
              long deleted = r.results().stream().filter(Boolean::booleanValue).count();
              r.failed().stream()
                  .findFirst()
                  .ifPresent(
                      c -> {
                        throw c.failure();
                      });
              return deleted;
            });
  }

  public CompletableFuture<BatchResult<Boolean>> deleteAsync(String value, BatchOptions options) {
    return deleter.apply(value, options);
  }
}
