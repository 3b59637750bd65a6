package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.internal.KeyRanges;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.KV;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * How one entity type is read and written in etcd: the operations shared by both layouts (saves
 * with their conflict errors, prefix reads with limits, streams), over the layout-specific parts
 * {@link DocumentStore} and {@link FieldsStore} implement. Thread-safe.
 */
abstract class EntityStore<T, ID> {
  /** Entities per page of a stream. */
  static final int STREAM_PAGE_ENTITIES = 500;

  /** Whole reads restarted when their snapshot is compacted between two pages. */
  private static final int COMPACTED_RETRIES = 3;

  /** How many saves of a {@code saveAll} are in flight at once. */
  final KV kv;

  final EntityMapper<T, ID> mapper;
  final String entity;
  final ByteString rootPrefix;
  private volatile int streamPageEntities = STREAM_PAGE_ENTITIES;
  private volatile EntityIterator.@Nullable PageObserver pageObserver;

  EntityStore(KV kv, EntityMapper<T, ID> mapper) {
    this.kv = kv;
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.entity = mapper.entityName();
    this.rootPrefix = mapper.root().prefix();
  }

  // ---- the layout-specific parts ----

  abstract CompletableFuture<Optional<T>> findByKey(ByteString key);

  abstract CompletableFuture<Boolean> existsByKey(ByteString key);

  abstract CompletableFuture<Boolean> deleteByKey(ByteString key);

  /** The transaction parts that save {@code entity} under {@code key}, guarded by its version. */
  abstract WritePlan savePlan(ByteString key, T entity, long version);

  /** The stored version a failed save found, from its plan's {@code orElse} reads; 0: absent. */

  /** A fresh assembler for one read. */
  abstract Assembler<T> assembler();

  /** Keys one entity usually has, to size pages that count entities. */
  abstract int keysPerEntity();

  /** Whether an entity spans several keys, so a read must see one key past its last entity. */
  abstract boolean groupsKeys();

  abstract CompletableFuture<Long> countByPrefix(ByteString prefix);

  abstract CompletableFuture<Long> deleteByPrefix(ByteString prefix);

  // ---- shared ----

  CompletableFuture<List<T>> findByPrefix(ByteString prefix, int limit, boolean descending) {
    checkPrefix(prefix);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    return collect(prefix, limit, descending);
  }

  CompletableFuture<Optional<T>> findOneByPrefix(ByteString prefix) {
    return findByPrefix(prefix, 2, false)
        .thenApply(
            found -> {
              if (found.size() > 1) {
                String p = prefix.toStringUtf8();
                throw new EtcdException(
                    "expected at most one " + entity + " under '" + p + "', found several",
                    p,
                    null);
              }
              return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            });
  }

  CompletableFuture<Boolean> existsByPrefix(ByteString prefix) {
    checkPrefix(prefix);
    return kv.get(prefix, GetOptions.DEFAULT.withPrefix().withKeysOnly().withLimit(1))
        .thenApply(r -> !r.kvs().isEmpty());
  }

  Stream<T> stream(ByteString prefix, boolean descending) {
    checkPrefix(prefix);
    long pageKeys = (long) streamPageEntities * keysPerEntity();
    EntityIterator<T> it =
        new EntityIterator<>(
            scan(prefix, descending, pageKeys, false),
            assembler(),
            () -> streamCompacted(prefix),
            pageObserver);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(it::close);
  }

  /** For tests: entities per stream page, and who hears about each page read. */
  void streamPaging(int pageEntities, EntityIterator.@Nullable PageObserver observer) {
    if (pageEntities < 1) {
      throw new IllegalArgumentException("pageEntities must be positive, was " + pageEntities);
    }
    this.streamPageEntities = pageEntities;
    this.pageObserver = observer;
  }

  RangeScan scan(ByteString prefix, boolean descending, long pageKeys, boolean keysOnly) {
    return new RangeScan(
        kv, prefix, KeyRanges.prefixEnd(prefix), descending, pageKeys, 0, keysOnly);
  }

  /** A prefix handed to a derived query must be one of this entity's, ending in '/'. */
  void checkPrefix(ByteString prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.startsWith(rootPrefix) || prefix.byteAt(prefix.size() - 1) != '/') {
      throw new IllegalArgumentException(
          "prefix '"
              + prefix.toStringUtf8()
              + "' is not a key path prefix of "
              + entity
              + " (under '"
              + rootPrefix.toStringUtf8()
              + "', ending in '/')");
    }
  }

  /** Wraps whatever a mapper threw that is not already a MappingException. */
  MappingException mappingFailure(ByteString key, RuntimeException e) {
    if (e instanceof MappingException m) {
      return m;
    }
    return new MappingException(entity, key.toStringUtf8(), null, "does not decode: " + e, e);
  }

  private CompletableFuture<List<T>> collect(ByteString prefix, int limit, boolean descending) {
    // A limited read sees one key past the last entity, which is how a group is known complete.
    long pageKeys = limit == 0 ? 0 : (long) limit * keysPerEntity() + (groupsKeys() ? 1 : 0);
    return retryCompacted(
        () ->
            pages(scan(prefix, descending, pageKeys, false), assembler(), new ArrayList<>(), limit),
        0);
  }

  /**
   * Runs a multi-page read again when its snapshot was compacted between two pages: nothing was
   * returned yet, so taking a new snapshot is invisible to the caller.
   */
  static <R> CompletableFuture<R> retryCompacted(Supplier<CompletableFuture<R>> read, int attempt) {
    return read.get()
        .exceptionallyCompose(
            e -> {
              if (Errors.unwrap(e) instanceof CompactedException && attempt < COMPACTED_RETRIES) {
                return retryCompacted(read, attempt + 1);
              }
              return CompletableFuture.failedFuture(e);
            });
  }

  private CompletableFuture<List<T>> pages(
      RangeScan scan, Assembler<T> assembler, List<T> out, int limit) {
    return scan.next()
        .thenCompose(
            page -> {
              for (KeyValue kv : page.kvs()) {
                assembler.accept(kv, out);
                if (limit > 0 && out.size() >= limit) {
                  return CompletableFuture.completedFuture(truncate(out, limit));
                }
              }
              if (scan.done()) {
                assembler.finish(out);
                return CompletableFuture.completedFuture(truncate(out, limit));
              }
              return pages(scan, assembler, out, limit);
            });
  }

  private static <E> List<E> truncate(List<E> list, int limit) {
    return limit > 0 && list.size() > limit ? new ArrayList<>(list.subList(0, limit)) : list;
  }

  private String streamCompacted(ByteString prefix) {
    return "the stream of "
        + entity
        + " entities under '"
        + prefix.toStringUtf8()
        + "' reads one snapshot, and its revision was compacted while the stream was open;"
        + " close this stream and start a new one";
  }
}
