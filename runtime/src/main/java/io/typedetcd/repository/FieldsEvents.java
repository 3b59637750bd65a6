package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code FIELDS} events: the property keys one transaction changed are grouped by entity, giving
 * one typed event per entity per revision.
 *
 * <p>An event only carries the keys that changed, while decoding needs every property. So each
 * (entity, revision) group reads the entity's keys <em>at that revision</em> ({@code
 * GetOptions.withRevision}): that is exactly its state after the change, whatever happened since.
 * Its state before is the same keys with the group's changes undone from the events' prev_kv. No
 * cache is kept (its memory would grow with the data set, and it would need the full state at the
 * start revision); the price is one range read per changed entity per revision, all of a batch's
 * reads in parallel. If a revision is compacted before it is read, the read fails with {@code
 * CompactedException} and the watch resyncs.
 */
final class FieldsEvents<T, ID> extends EventDecoder<T, ID> {
  private static final ByteString SLASH = ByteString.copyFromUtf8("/");

  private final FieldsMapper<T, ID> fields;

  FieldsEvents(EntityStore<T, ID> store, FieldsMapper<T, ID> fields) {
    super(store);
    this.fields = fields;
  }

  /** The changes of one entity at one revision; a stray key (no property part) alone. */
  private record Change(long revision, @Nullable ByteString entityKey, List<WatchEvent> events) {}

  @Override
  CompletableFuture<List<EntityEvent<T, ID>>> decode(WatchBatch batch) {
    FieldGroups keys = new FieldGroups(store.rootPrefix);
    List<Change> changes = new ArrayList<>(); // per revision, entities in order of first key
    Map<ByteString, Change> open = new HashMap<>();
    long revision = 0;
    for (WatchEvent e : batch.events()) {
      long rev = e.kv().modRevision();
      if (rev != revision) {
        open.clear();
        revision = rev;
      }
      ByteString entityKey = keys.entityKeyOf(e.kv().keyBytes());
      if (entityKey == null) {
        changes.add(new Change(rev, null, List.of(e)));
        continue;
      }
      Change c = open.get(entityKey);
      if (c == null) {
        c = new Change(rev, entityKey, new ArrayList<>());
        open.put(entityKey, c);
        changes.add(c);
      }
      c.events().add(e);
    }
    List<CompletableFuture<GetResponse>> reads = new ArrayList<>(changes.size());
    for (Change c : changes) {
      ByteString entityKey = c.entityKey();
      reads.add(
          entityKey == null
              ? CompletableFuture.completedFuture(null)
              : store.kv.get(
                  entityKey.concat(SLASH),
                  GetOptions.DEFAULT.withPrefix().withRevision(c.revision())));
    }
    return CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            v -> {
              List<EntityEvent<T, ID>> out = new ArrayList<>(changes.size());
              for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                ByteString entityKey = c.entityKey();
                if (entityKey == null) {
                  out.add(strayKey(c.events().get(0).kv().keyBytes(), c.revision()));
                } else {
                  resolve(c, entityKey, reads.get(i).join().kvs(), keys, out);
                }
              }
              return out;
            });
  }

  /** The typed event of one change, from the entity's keys at its revision. */
  private void resolve(
      Change c,
      ByteString entityKey,
      List<KeyValue> atRevision,
      FieldGroups keys,
      List<EntityEvent<T, ID>> out) {
    Map<ByteString, KeyValue> after = new LinkedHashMap<>();
    for (KeyValue kv : atRevision) {
      if (entityKey.equals(keys.entityKeyOf(kv.keyBytes()))) {
        after.put(kv.keyBytes(), kv);
      }
    }
    Map<ByteString, KeyValue> before = new LinkedHashMap<>(after);
    for (WatchEvent e : c.events()) {
      before.remove(e.kv().keyBytes());
      if (e.prevKv() != null) {
        before.put(e.kv().keyBytes(), e.prevKv());
      }
    }
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    ID id = idOrFailure(entityKey, c.revision(), out);
    if (id == null) {
      return;
    }
    if (after.isEmpty()) {
      out.add(new EntityEvent.Deleted<>(id, decodeOrNull(id, entityKey, before), c.revision()));
      return;
    }
    T current;
    try {
      current = decode(id, entityKey, after);
    } catch (RuntimeException e) {
      out.add(failed(entityKey, e, c.revision()));
      return;
    }
    out.add(
        before.isEmpty()
            ? new EntityEvent.Created<>(current, c.revision())
            : new EntityEvent.Updated<>(
                decodeOrNull(id, entityKey, before), current, c.revision()));
  }

  @Override
  List<EntityEvent<T, ID>> snapshot(List<KeyValue> kvs, long revision) {
    FieldGroups groups = new FieldGroups(store.rootPrefix);
    List<T> entities = new ArrayList<>();
    List<EntityEvent<T, ID>> failures = new ArrayList<>();
    for (KeyValue kv : kvs) {
      ByteString entityKey = groups.entityKeyOf(kv.keyBytes());
      if (entityKey == null) {
        failures.add(strayKey(kv.keyBytes(), revision));
        continue;
      }
      add(groups.accept(entityKey, kv), entities, failures, revision);
    }
    add(groups.finish(), entities, failures, revision);
    List<EntityEvent<T, ID>> out = new ArrayList<>(1 + failures.size());
    out.add(new EntityEvent.Resync<>(entities, revision));
    out.addAll(failures);
    return out;
  }

  private void add(
      FieldGroups.@Nullable Group g,
      List<T> entities,
      List<EntityEvent<T, ID>> failures,
      long revision) {
    if (g == null) {
      return;
    }
    ID id = idOrFailure(g.entityKey(), revision, failures);
    if (id == null) {
      return;
    }
    try {
      entities.add(fields.decodeFields(id, g.fields(), g.version()));
    } catch (RuntimeException e) {
      failures.add(failed(g.entityKey(), e, revision));
    }
  }

  private EntityEvent.DecodeFailed<T, ID> strayKey(ByteString key, long revision) {
    return new EntityEvent.DecodeFailed<>(
        key.toStringUtf8(),
        new MappingException(
            store.entity,
            key.toStringUtf8(),
            null,
            "is not a FIELDS key {entityKey}/{property}",
            null),
        revision);
  }

  private T decode(ID id, ByteString entityKey, Map<ByteString, KeyValue> keys) {
    Map<String, ByteString> values = new HashMap<>();
    long version = 0;
    for (KeyValue kv : keys.values()) {
      values.put(kv.keyBytes().substring(entityKey.size() + 1).toStringUtf8(), kv.valueBytes());
      version = Math.max(version, kv.modRevision());
    }
    return fields.decodeFields(id, values, version);
  }

  private @Nullable T decodeOrNull(ID id, ByteString entityKey, Map<ByteString, KeyValue> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    try {
      return decode(id, entityKey, keys);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
