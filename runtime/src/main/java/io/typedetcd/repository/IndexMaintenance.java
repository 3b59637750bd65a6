package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.internal.KeyRanges;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.proto.etcdserverpb.Compare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code verifyIndexes()} and {@code rebuildIndexes()}: reads every entity and every index key at
 * one revision, derives the index keys the entities call for, and reports (or repairs) the
 * difference. It holds the index keys of the whole entity type in memory: a maintenance operation,
 * not one for hot paths.
 *
 * <p>Each repair is guarded, so it never undoes a concurrent repository write: a key an entity
 * calls for is written only while the entity is still at the version read, a stale key is deleted
 * only while it is as read. Repairs go in transactions under the client's limits; one whose guard
 * failed is left to the next round (a fresh read), up to {@value #ROUNDS} rounds.
 */
final class IndexMaintenance<T, ID> {
  private static final int ROUNDS = 3;
  private static final long PAGE_KEYS = 1000;

  private final EntityType<T, ID> type;
  private final TxnContext ctx;

  IndexMaintenance(EntityType<T, ID> type, TxnContext ctx) {
    this.type = type;
    this.ctx = ctx;
  }

  CompletableFuture<IndexReport> verify() {
    return EntityStore.retryCompacted(this::survey, 0).thenApply(s -> s.report);
  }

  CompletableFuture<IndexReport> rebuild() {
    return round(1, new LinkedHashSet<>(), new LinkedHashSet<>());
  }

  /**
   * One survey, and its repairs unless none are needed or the rounds are used up. The report lists
   * what the rounds found and repaired; what still differs after the last round (writers that keep
   * changing the entities) is what a following {@code verifyIndexes()} reports.
   */
  private CompletableFuture<IndexReport> round(int n, Set<String> missing, Set<String> stale) {
    return EntityStore.retryCompacted(this::survey, 0)
        .thenCompose(
            s -> {
              if (s.repairs.isEmpty() || n > ROUNDS) {
                IndexReport r = s.report;
                return CompletableFuture.completedFuture(
                    new IndexReport(
                        r.revision(),
                        r.entities(),
                        List.copyOf(missing),
                        List.copyOf(stale),
                        r.duplicates(),
                        r.undecodable()));
              }
              missing.addAll(s.report.missingKeys());
              stale.addAll(s.report.staleKeys());
              return repair(s.repairs, 0).thenCompose(v -> round(n + 1, missing, stale));
            });
  }

  /** Commits the repairs in transactions under the limits; a failed guard is left for later. */
  private CompletableFuture<Void> repair(List<Repair> repairs, int from) {
    if (from == repairs.size()) {
      return CompletableFuture.completedFuture(null);
    }
    Map<Compare, Cmp> when = new LinkedHashMap<>();
    List<Op> then = new ArrayList<>();
    int bytes = 0;
    int to = from;
    while (to < repairs.size()) {
      Repair r = repairs.get(to);
      int b = TxnSize.of(r.op, ctx.namespace);
      for (Cmp c : r.guards) {
        b += TxnSize.of(c, ctx.namespace);
      }
      boolean fits =
          when.size() + r.guards.size() <= ctx.maxTxnOps
              && then.size() < ctx.maxTxnOps
              && bytes + b <= ctx.maxRequestBytes;
      if (!fits && to > from) {
        break;
      }
      for (Cmp c : r.guards) {
        when.putIfAbsent(c.toProto(), c);
      }
      then.add(r.op);
      bytes += b;
      to++;
    }
    int next = to;
    return ctx.kv
        .txn()
        .when(when.values().toArray(new Cmp[0]))
        .then(then.toArray(new Op[0]))
        .commit()
        .thenCompose(r -> repair(repairs, next));
  }

  /** A guarded write that brings one index key in line. */
  private record Repair(List<Cmp> guards, Op op) {}

  private CompletableFuture<Survey> survey() {
    Survey s = new Survey();
    RangeScan entities = type.store.scan(type.mapper.root().prefix(), false, PAGE_KEYS, false);
    return each(entities, s::entityKey)
        .thenCompose(
            v -> {
              s.flush();
              long rev = entities.revision();
              return each(scan(type.indexes.entriesRange(), rev, true), s::entry)
                  .thenCompose(x -> each(scan(type.indexes.uniqueRange(), rev, false), s::unique))
                  .thenApply(x -> s.finish(rev));
            });
  }

  private RangeScan scan(ByteString prefix, long revision, boolean keysOnly) {
    return new RangeScan(
        ctx.kv, prefix, KeyRanges.prefixEnd(prefix), false, PAGE_KEYS, revision, keysOnly);
  }

  private static CompletableFuture<Void> each(RangeScan scan, Consumer<KeyValue> each) {
    return scan.next()
        .thenCompose(
            page -> {
              page.kvs().forEach(each);
              return scan.done() ? CompletableFuture.completedFuture(null) : each(scan, each);
            });
  }

  /** What one read found; not thread-safe (the scans run one after another). */
  private final class Survey {
    private final FieldGroups groups = new FieldGroups(type.mapper.root().prefix());
    private final Map<ByteString, Long> versions = new LinkedHashMap<>();
    private final Set<ByteString> undecodable = new LinkedHashSet<>();
    private final Map<ByteString, ByteString> expectedEntries = new LinkedHashMap<>();
    private final Map<ByteString, List<ByteString>> expectedUnique = new LinkedHashMap<>();
    private final Set<ByteString> seenEntries = new LinkedHashSet<>();
    private final Map<ByteString, KeyValue> seenUnique = new LinkedHashMap<>();
    private final List<KeyValue> current = new ArrayList<>();
    private ByteString currentKey = ByteString.EMPTY;
    private final List<Repair> repairs = new ArrayList<>();
    private final List<String> staleKeys = new ArrayList<>();
    private IndexReport report = new IndexReport(0, 0, List.of(), List.of(), List.of(), List.of());

    void entityKey(KeyValue kv) {
      ByteString key = type.entityKeyOf(kv.keyBytes(), groups);
      ByteString k = key == null ? kv.keyBytes() : key;
      if (!k.equals(currentKey)) {
        flush();
        currentKey = k;
      }
      current.add(kv);
    }

    void flush() {
      if (current.isEmpty()) {
        return;
      }
      EntityType.Observed<T> o = type.observe(current);
      T e = o.entity();
      if (e == null) {
        undecodable.add(currentKey);
      } else {
        versions.put(currentKey, o.version());
        for (IndexDefinition<T> i : type.indexes.all()) {
          String v = type.indexes.value(i, e);
          if (v == null) {
            continue;
          }
          if (i.unique()) {
            expectedUnique
                .computeIfAbsent(type.indexes.unique(i, v), u -> new ArrayList<>())
                .add(currentKey);
          } else {
            expectedEntries.put(type.indexes.entry(i, v, currentKey), currentKey);
          }
        }
      }
      current.clear();
    }

    void entry(KeyValue kv) {
      ByteString k = kv.keyBytes();
      seenEntries.add(k);
      if (!expectedEntries.containsKey(k)) {
        IndexKeys.Parsed<T> p = type.indexes.parse(k);
        if (p == null || p.entityKey() == null || !undecodable.contains(p.entityKey())) {
          stale(k, Op.delete(k, DeleteOptions.DEFAULT), kv.modRevision());
        }
      }
    }

    void unique(KeyValue kv) {
      ByteString k = kv.keyBytes();
      seenUnique.put(k, kv);
      List<ByteString> holders = expectedUnique.get(k);
      if (holders == null) {
        if (!undecodable.contains(kv.valueBytes())) {
          stale(k, Op.delete(k, DeleteOptions.DEFAULT), kv.modRevision());
        }
      } else if (holders.size() == 1 && !holders.get(0).equals(kv.valueBytes())) {
        stale(k, Op.put(k, holders.get(0), PutOptions.DEFAULT), kv.modRevision());
      }
    }

    /** A stale key: deleted, or (a unique key naming the wrong entity) pointed at its holder. */
    private void stale(ByteString k, Op op, long seen) {
      staleKeys.add(k.toStringUtf8());
      List<Cmp> guards = new ArrayList<>();
      guards.add(Cmp.modRevision(k).equalTo(seen));
      if (op instanceof Op.Put put && !put.value().isEmpty()) {
        guards.addAll(entityAt(put.value()));
      }
      repairs.add(new Repair(guards, op));
    }

    private List<Cmp> entityAt(ByteString entityKey) {
      return type.at(entityKey, versions.get(entityKey));
    }

    Survey finish(long revision) {
      List<String> missing = new ArrayList<>();
      List<String> duplicates = new ArrayList<>();
      expectedEntries.forEach(
          (k, entityKey) -> {
            if (!seenEntries.contains(k)) {
              missing.add(k.toStringUtf8());
              Op put = Op.put(k, ByteString.EMPTY, PutOptions.DEFAULT);
              repairs.add(new Repair(entityAt(entityKey), put));
            }
          });
      expectedUnique.forEach(
          (k, holders) -> {
            if (holders.size() > 1) {
              IndexKeys.Parsed<T> p = type.indexes.parse(k);
              duplicates.add(
                  (p == null ? k.toStringUtf8() : p.property() + " '" + p.value() + "'")
                      + ": "
                      + String.join(", ", holders.stream().map(ByteString::toStringUtf8).toList()));
            } else if (!seenUnique.containsKey(k)) {
              missing.add(k.toStringUtf8());
              List<Cmp> guards = new ArrayList<>(entityAt(holders.get(0)));
              guards.add(Cmp.modRevision(k).equalTo(0));
              repairs.add(new Repair(guards, Op.put(k, holders.get(0), PutOptions.DEFAULT)));
            }
          });
      report =
          new IndexReport(
              revision,
              versions.size() + undecodable.size(),
              missing,
              staleKeys,
              duplicates,
              undecodable.stream().map(ByteString::toStringUtf8).toList());
      return this;
    }
  }
}
