package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.TxnResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prefix deletes ({@code deleteAll()}, {@code deleteBy<KeyPrefix>}) of an entity type with indexes.
 * The whole type goes in one transaction that deletes the entity range and both index ranges. A
 * narrower prefix cannot name the index keys of its entities (they are sorted by value), so its
 * entities are listed at one revision and deleted by key with their index keys, in chunks.
 */
final class PrefixDeletes {
  private static final long PAGE_KEYS = 1000;

  private PrefixDeletes() {}

  static <T, ID> CompletableFuture<Long> delete(RepositorySupport<T, ID> repo, ByteString prefix) {
    EntityType<T, ID> type = repo.entityType;
    type.store.checkPrefix(prefix);
    if (type.indexes.isEmpty()) {
      return type.store.deleteByPrefix(prefix);
    }
    if (prefix.equals(type.mapper.root().prefix())) {
      return everything(repo.txns, type);
    }
    List<ByteString> keys = new ArrayList<>();
    FieldGroups groups = new FieldGroups(type.mapper.root().prefix());
    return EntityStore.retryCompacted(
            () -> {
              keys.clear();
              return collect(scan(type, prefix), type, groups, keys);
            },
            0)
        .thenCompose(
            v -> {
              List<EntityWrite<T, ID>> writes = new ArrayList<>(keys.size());
              for (ByteString k : keys) {
                writes.add(type.deleteByKey(k));
              }
              return ChunkedWrites.run(
                  repo.txns, writes, BatchOptions.chunked(), EntityWrite::existed);
            })
        .thenApply(
            r -> {
              r.failed().stream()
                  .findFirst()
                  .ifPresent(
                      c -> {
                        throw c.failure();
                      });
              return r.results().stream().filter(Boolean::booleanValue).count();
            });
  }

  private static RangeScan scan(EntityType<?, ?> type, ByteString prefix) {
    return type.store.scan(prefix, false, PAGE_KEYS, true);
  }

  private static CompletableFuture<Void> collect(
      RangeScan scan, EntityType<?, ?> type, FieldGroups groups, List<ByteString> keys) {
    return scan.next()
        .thenCompose(
            page -> {
              for (KeyValue kv : page.kvs()) {
                ByteString k = type.entityKeyOf(kv.keyBytes(), groups);
                if (k != null && (keys.isEmpty() || !keys.get(keys.size() - 1).equals(k))) {
                  keys.add(k);
                }
              }
              return scan.done()
                  ? CompletableFuture.completedFuture(null)
                  : collect(scan, type, groups, keys);
            });
  }

  /** Every entity of the type and every index key, in one transaction. */
  private static CompletableFuture<Long> everything(TxnContext ctx, EntityType<?, ?> type) {
    ByteString root = type.mapper.root().prefix();
    DeleteOptions prefix = DeleteOptions.DEFAULT.withPrefix();
    boolean fields = type.store.groupsKeys(); // FIELDS entities are counted from their keys
    GetOptions count = GetOptions.DEFAULT.withPrefix();
    return ctx.kv
        .txn()
        .then(
            Op.get(root, fields ? count.withKeysOnly() : count.withCountOnly()),
            Op.delete(root, prefix),
            Op.delete(type.indexes.entriesRange(), prefix),
            Op.delete(type.indexes.uniqueRange(), prefix))
        .commit()
        .thenApply(r -> fields ? countEntities(r, type) : r.getResponse(0).count());
  }

  private static long countEntities(TxnResponse r, EntityType<?, ?> type) {
    FieldGroups groups = new FieldGroups(type.mapper.root().prefix());
    long count = 0;
    ByteString last = null;
    for (KeyValue kv : r.getResponse(0).kvs()) {
      ByteString k = type.entityKeyOf(kv.keyBytes(), groups);
      ByteString entity = k == null ? kv.keyBytes() : k;
      if (!entity.equals(last)) {
        count++;
        last = entity;
      }
    }
    return count;
  }
}
