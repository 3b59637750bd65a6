package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plans one attempt of an {@link EntityWrite}: the entity's guards and writes, then its index keys.
 * Every index key of the new state is put (so a lease given to the entity reaches its index keys
 * too); an old value's key is deleted when the value changed. The old values come from the entity
 * as read in this attempt, and the entity's guard (on the version read) makes the transaction fail
 * if it changed meanwhile. A stored entity that does not decode has unknown old values: its stale
 * index keys are left for {@code rebuildIndexes()} (reads never return an entity through a stale
 * key).
 *
 * <p>A unique key is taken with a guard on its state as read (absent, or its mod revision). When it
 * names another entity, that entity is read: if it still has the value (or cannot be decoded, so
 * nobody can tell), the write is a {@link UniqueConstraintException}; otherwise the key is stale
 * and is taken over. A unique key given up is deleted only while it names this entity.
 */
final class WritePlanner<T, ID> {
  private final EntityWrite<T, ID> write;
  private final EntityType<T, ID> type;
  private final IndexKeys<T> keys;
  private final ReadSet reads;
  private final Batch batch;
  private final List<Guard> guards = new ArrayList<>();
  private final List<Op> ops = new ArrayList<>();

  WritePlanner(EntityWrite<T, ID> write, ReadSet reads, Batch batch) {
    this.write = write;
    this.type = write.type;
    this.keys = type.indexes;
    this.reads = reads;
    this.batch = batch;
  }

  /** Notes the reads the unique indexes need; true when all are there. */
  static <T, ID> boolean resolve(EntityWrite<T, ID> w, ReadSet reads) {
    IndexKeys<T> keys = w.type.indexes;
    boolean ready = true;
    for (IndexDefinition<T> i : keys.all()) {
      if (!i.unique()) {
        continue;
      }
      String nv = newValue(w, i);
      String ov = oldValue(w, i);
      if (nv != null) {
        GetResponse u = reads.get(read(keys.unique(i, nv)));
        if (u == null) {
          ready = false;
        } else {
          ByteString holder = holderOf(w, u);
          if (holder != null && reads.get(w.type.read(holder)) == null) {
            ready = false;
          }
        }
      }
      if (ov != null && !ov.equals(nv) && reads.get(read(keys.unique(i, ov))) == null) {
        ready = false;
      }
    }
    return ready;
  }

  PreparedWrite build() {
    guards.addAll(EntityGuards.of(write));
    ops.addAll(write.entityOps());
    boolean unconditionalDelete = write.next() == null && !write.readsCurrent();
    for (IndexDefinition<T> i : write.skips() ? List.<IndexDefinition<T>>of() : keys.all()) {
      String nv = newValue(write, i);
      String ov = oldValue(write, i);
      boolean changed = ov != null && !ov.equals(nv);
      if (i.unique()) {
        if (nv != null) {
          take(i, nv);
        }
        if (changed) {
          giveUp(i, ov);
        }
      } else {
        if (nv != null) {
          ops.add(Op.put(keys.entry(i, nv, write.key), ByteString.EMPTY, PutOptions.DEFAULT));
        }
        if (changed) {
          ops.add(Op.delete(keys.entry(i, ov, write.key), DeleteOptions.DEFAULT));
        }
      }
    }
    List<Cmp> when = new ArrayList<>(guards.size());
    for (Guard g : guards) {
      when.add(g.cmp());
    }
    WritePlan plan = new WritePlan(write.key, write.version(), when, ops, List.of());
    return new PreparedWrite(write, write.finish().apply(plan), guards, unconditionalDelete);
  }

  private void take(IndexDefinition<T> i, String value) {
    ByteString u = keys.unique(i, value);
    GetResponse r = reads.required(read(u));
    long seen = 0;
    if (!r.kvs().isEmpty()) {
      seen = r.kvs().get(0).modRevision();
      ByteString holder = holderOf(write, r);
      if (holder != null && holds(holder, i, value)) {
        throw taken(i, value, holder);
      }
    }
    ByteString first = batch.claim(u, write.key);
    if (first != null) {
      throw taken(i, value, first);
    }
    guards.add(uniqueGuard(u, seen));
    ops.add(Op.put(u, write.key, PutOptions.DEFAULT));
  }

  private void giveUp(IndexDefinition<T> i, String value) {
    ByteString u = keys.unique(i, value);
    GetResponse r = reads.required(read(u));
    if (!r.kvs().isEmpty() && r.kvs().get(0).valueBytes().equals(write.key)) {
      guards.add(uniqueGuard(u, r.kvs().get(0).modRevision()));
      ops.add(Op.delete(u, DeleteOptions.DEFAULT));
    }
  }

  /** Whether {@code holder} has {@code value} once this batch is applied. */
  private boolean holds(ByteString holder, IndexDefinition<T> i, String value) {
    EntityWrite<?, ?> inBatch = batch.get(holder);
    if (inBatch != null) {
      return inBatch.holdsAfter(i.property(), value);
    }
    EntityType.Observed<T> o = type.observe(reads.required(type.read(holder)));
    T entity = o.entity();
    if (!o.exists()) {
      return false;
    }
    return entity == null || value.equals(keys.value(i, entity));
  }

  private Guard uniqueGuard(ByteString u, long seen) {
    String k = u.toStringUtf8();
    return new Guard(
        Cmp.modRevision(u).equalTo(seen),
        true,
        v -> new OptimisticLockException(type.name, k, seen, v, Retries.MAX_ATTEMPTS));
  }

  private UniqueConstraintException taken(IndexDefinition<T> i, String value, ByteString holder) {
    return new UniqueConstraintException(
        type.name, write.key.toStringUtf8(), i.property(), value, holder.toStringUtf8());
  }

  /** The other entity a unique key read names, if it is a key of this type at all. */
  private static <T, ID> @Nullable ByteString holderOf(EntityWrite<T, ID> w, GetResponse r) {
    if (r.kvs().isEmpty()) {
      return null;
    }
    KeyValue kv = r.kvs().get(0);
    ByteString holder = kv.valueBytes();
    ByteString root = w.type.mapper.root().prefix();
    if (holder.equals(w.key) || holder.size() <= root.size() || !holder.startsWith(root)) {
      return null;
    }
    return holder;
  }

  private static <T, ID> @Nullable String newValue(EntityWrite<T, ID> w, IndexDefinition<T> i) {
    T n = w.next();
    return n == null ? null : w.type.indexes.value(i, n);
  }

  private static <T, ID> @Nullable String oldValue(EntityWrite<T, ID> w, IndexDefinition<T> i) {
    EntityType.Observed<T> c = w.current();
    T old = c == null ? null : c.entity();
    return old == null ? null : w.type.indexes.value(i, old);
  }

  private static ReadSet.Read read(ByteString key) {
    return new ReadSet.Read(key, false);
  }
}
