package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.internal.KeyRanges;
import io.typedetcd.client.watch.WatchBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Turns raw watch batches and range snapshots into typed events, per layout. Thread-safe. */
abstract class EventDecoder<T, ID> {
  private static final long LIST_PAGE_KEYS = 5000;

  final EntityStore<T, ID> store;

  EventDecoder(EntityStore<T, ID> store) {
    this.store = store;
  }

  static <T, ID> EventDecoder<T, ID> of(EntityStore<T, ID> store) {
    if (store.mapper instanceof FieldsMapper<T, ID> f) {
      return new FieldsEvents<>(store, f);
    }
    if (store.mapper instanceof DocumentMapper<T, ID> d) {
      return new DocumentEvents<>(store, d);
    }
    throw new IllegalArgumentException("not a DocumentMapper or FieldsMapper: " + store.mapper);
  }

  /** The typed events of one batch, in revision order; may read etcd (at past revisions). */
  abstract CompletableFuture<List<EntityEvent<T, ID>>> decode(WatchBatch batch);

  /**
   * Every entity of a range read at {@code revision}, as a {@code Resync} followed by a {@code
   * DecodeFailed} per key (or entity) that does not decode.
   */
  abstract List<EntityEvent<T, ID>> snapshot(List<KeyValue> kvs, long revision);

  /**
   * Every entity under {@code prefix} at one revision, read in pages: a {@code Resync} and its
   * {@code DecodeFailed}s. A snapshot compacted between two pages is taken again.
   */
  CompletableFuture<List<EntityEvent<T, ID>>> list(ByteString prefix) {
    return list(prefix, KeyRanges.prefixEnd(prefix));
  }

  /** {@link #list(ByteString)} of the keys in {@code [start, end)}. */
  CompletableFuture<List<EntityEvent<T, ID>>> list(ByteString start, ByteString end) {
    return EntityStore.retryCompacted(
        () -> {
          RangeScan scan = new RangeScan(store.kv, start, end, false, LIST_PAGE_KEYS, 0, false);
          return scanAll(scan, new ArrayList<>()).thenApply(kvs -> snapshot(kvs, scan.revision()));
        },
        0);
  }

  private static CompletableFuture<List<KeyValue>> scanAll(RangeScan scan, List<KeyValue> out) {
    return scan.next()
        .thenCompose(
            page -> {
              out.addAll(page.kvs());
              return scan.done() ? CompletableFuture.completedFuture(out) : scanAll(scan, out);
            });
  }

  /** The id in an entity key, or null after adding a DecodeFailed for it to {@code out}. */
  @Nullable ID idOrFailure(ByteString key, long revision, List<EntityEvent<T, ID>> out) {
    try {
      return store.mapper.idFromKey(key);
    } catch (RuntimeException e) {
      out.add(failed(key, e, revision));
      return null;
    }
  }

  EntityEvent.DecodeFailed<T, ID> failed(ByteString key, RuntimeException e, long revision) {
    return new EntityEvent.DecodeFailed<>(
        key.toStringUtf8(), store.mappingFailure(key, e), revision);
  }
}
