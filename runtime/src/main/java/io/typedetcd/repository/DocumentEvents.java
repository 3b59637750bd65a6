package io.typedetcd.repository;

import io.typedetcd.client.KeyValue;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code DOCUMENT} events: one key is one entity, so each raw event is one typed event, decided by
 * the key's version (1: created) and decoded from the event's value and prev_kv.
 */
final class DocumentEvents<T, ID> extends EventDecoder<T, ID> {
  private final DocumentMapper<T, ID> documents;

  DocumentEvents(EntityStore<T, ID> store, DocumentMapper<T, ID> documents) {
    super(store);
    this.documents = documents;
  }

  @Override
  CompletableFuture<List<EntityEvent<T, ID>>> decode(WatchBatch batch) {
    List<EntityEvent<T, ID>> out = new ArrayList<>(batch.events().size());
    for (WatchEvent e : batch.events()) {
      KeyValue kv = e.kv();
      long revision = kv.modRevision();
      if (e.type() == WatchEvent.Type.DELETE) {
        ID id = idOrFailure(kv.keyBytes(), revision, out);
        if (id != null) {
          out.add(new EntityEvent.Deleted<>(id, decodeOrNull(e.prevKv()), revision));
        }
        continue;
      }
      T current;
      try {
        current = decode(kv);
      } catch (RuntimeException x) {
        out.add(failed(kv.keyBytes(), x, revision));
        continue;
      }
      out.add(
          kv.version() == 1
              ? new EntityEvent.Created<>(current, revision)
              : new EntityEvent.Updated<>(decodeOrNull(e.prevKv()), current, revision));
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  List<EntityEvent<T, ID>> snapshot(List<KeyValue> kvs, long revision) {
    List<T> entities = new ArrayList<>(kvs.size());
    List<EntityEvent<T, ID>> failures = new ArrayList<>();
    for (KeyValue kv : kvs) {
      try {
        entities.add(decode(kv));
      } catch (RuntimeException e) {
        failures.add(failed(kv.keyBytes(), e, revision));
      }
    }
    List<EntityEvent<T, ID>> out = new ArrayList<>(1 + failures.size());
    out.add(new EntityEvent.Resync<>(entities, revision));
    out.addAll(failures);
    return out;
  }

  private T decode(KeyValue kv) {
    return documents.decode(kv.keyBytes(), kv.valueBytes(), kv.modRevision());
  }

  private @Nullable T decodeOrNull(@Nullable KeyValue kv) {
    if (kv == null) {
      return null;
    }
    try {
      return decode(kv);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
