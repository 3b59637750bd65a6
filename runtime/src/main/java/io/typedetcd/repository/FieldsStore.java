package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The {@code FIELDS} layout: one key per property, {@code {entityKey}/{name}}. An entity exists
 * while at least one of its keys does; saving one whose stored properties are all null deletes it.
 * Keys under the entity with names the mapper does not know (a newer writer's) are left alone by
 * saves and ignored by reads, but count as the entity's keys for existence and version.
 *
 * <p>The version is the highest mod revision of the entity's keys. etcd compares a range key by key
 * and compares an empty range as one absent key (revisions 0), so:
 *
 * <ul>
 *   <li>insert: {@code create_revision == 0} over {@code {entityKey}/}: no key exists;
 *   <li>update from version v: {@code mod_revision < v + 1} over the range (no key changed or
 *       created after v) and {@code create_revision > 0} (some key still exists: it was not
 *       deleted).
 * </ul>
 *
 * <p>A save always rewrites every non-null property, so saves through repositories always conflict
 * correctly. What no compare can see is another tool deleting a single property key after v without
 * touching the others: deletes leave no revision on the remaining keys.
 */
final class FieldsStore<T, ID> extends EntityStore<T, ID> {
  private static final ByteString SLASH = ByteString.copyFromUtf8("/");
  private static final long COUNT_PAGE_KEYS = 10_000;

  private final FieldsMapper<T, ID> fields;
  private final List<String> names;
  private final List<ByteString> suffixes;

  FieldsStore(KV kv, FieldsMapper<T, ID> mapper) {
    super(kv, mapper);
    this.fields = mapper;
    this.names = List.copyOf(mapper.fieldNames());
    List<ByteString> s = new ArrayList<>(names.size());
    for (String name : names) {
      if (name.isEmpty() || name.indexOf('/') >= 0) {
        throw new IllegalArgumentException(
            entity + " field name '" + name + "' must be non-empty and without '/'");
      }
      s.add(ByteString.copyFromUtf8("/" + name));
    }
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException(entity + " field names repeat: " + names);
    }
    this.suffixes = List.copyOf(s);
  }

  @Override
  CompletableFuture<Optional<T>> findByKey(ByteString key) {
    return kv.get(key.concat(SLASH), GetOptions.DEFAULT.withPrefix())
        .thenApply(
            r -> {
              List<T> found = new ArrayList<>(1);
              Assembler<T> assembler = assembler();
              for (KeyValue kv : r.kvs()) {
                assembler.accept(kv, found);
              }
              assembler.finish(found);
              return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            });
  }

  @Override
  CompletableFuture<Boolean> existsByKey(ByteString key) {
    return kv.get(key.concat(SLASH), GetOptions.DEFAULT.withPrefix().withKeysOnly().withLimit(1))
        .thenApply(r -> !r.kvs().isEmpty());
  }

  @Override
  CompletableFuture<Boolean> deleteByKey(ByteString key) {
    return kv.delete(key.concat(SLASH), DeleteOptions.DEFAULT.withPrefix())
        .thenApply(r -> r.deleted() > 0);
  }

  @Override
  WritePlan savePlan(ByteString key, T entity, long version) {
    Map<String, @Nullable ByteString> values = fields.encodeFields(entity);
    List<Op> writes = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      ByteString fieldKey = key.concat(suffixes.get(i));
      ByteString value = values.get(names.get(i));
      writes.add(
          value != null
              ? Op.put(fieldKey, value, PutOptions.DEFAULT)
              : Op.delete(fieldKey, DeleteOptions.DEFAULT));
    }
    if (!mapper.hasVersion()) {
      return new WritePlan(key, 0, List.of(), writes, List.of());
    }
    ByteString range = key.concat(SLASH);
    List<Cmp> guards =
        version == 0
            ? List.of(Cmp.createRevision(range).withPrefix().equalTo(0))
            : List.of(
                Cmp.modRevision(range).withPrefix().lessThan(version + 1),
                Cmp.createRevision(range).withPrefix().greaterThan(0));
    return new WritePlan(
        key,
        version,
        guards,
        writes,
        List.of(Op.get(range, GetOptions.DEFAULT.withPrefix().withKeysOnly())));
  }

  @Override
  Assembler<T> assembler() {
    return new Assembler<>() {
      private final FieldGroups groups = new FieldGroups(rootPrefix);

      @Override
      public void accept(KeyValue kv, Collection<T> out) {
        ByteString entityKey = groups.entityKeyOf(kv.keyBytes());
        if (entityKey == null) {
          throw new MappingException(
              entity, kv.key(), null, "is not a FIELDS key {entityKey}/{property}", null);
        }
        FieldGroups.Group done = groups.accept(entityKey, kv);
        if (done != null) {
          out.add(decode(done));
        }
      }

      @Override
      public void finish(Collection<T> out) {
        FieldGroups.Group done = groups.finish();
        if (done != null) {
          out.add(decode(done));
        }
      }
    };
  }

  @Override
  int keysPerEntity() {
    return Math.max(1, names.size());
  }

  @Override
  boolean groupsKeys() {
    return true;
  }

  /** Counts distinct entity keys with a keys-only scan, in pages, at one revision. */
  @Override
  CompletableFuture<Long> countByPrefix(ByteString prefix) {
    checkPrefix(prefix);
    return retryCompacted(
        () -> countPages(scan(prefix, false, COUNT_PAGE_KEYS, true), new Counter()), 0);
  }

  /** One transaction reads the keys (to count entities) and deletes them. */
  @Override
  CompletableFuture<Long> deleteByPrefix(ByteString prefix) {
    checkPrefix(prefix);
    return kv.txn()
        .then(
            Op.get(prefix, GetOptions.DEFAULT.withPrefix().withKeysOnly()),
            Op.delete(prefix, DeleteOptions.DEFAULT.withPrefix()))
        .commit()
        .thenApply(
            r -> {
              Counter counter = new Counter();
              r.getResponse(0).kvs().forEach(counter::accept);
              return counter.count;
            });
  }

  private CompletableFuture<Long> countPages(RangeScan scan, Counter counter) {
    return scan.next()
        .thenCompose(
            page -> {
              page.kvs().forEach(counter::accept);
              return scan.done()
                  ? CompletableFuture.completedFuture(counter.count)
                  : countPages(scan, counter);
            });
  }

  private T decode(FieldGroups.Group group) {
    try {
      ID id = mapper.idFromKey(group.entityKey());
      return fields.decodeFields(id, group.fields(), group.version());
    } catch (RuntimeException e) {
      throw mappingFailure(group.entityKey(), e);
    }
  }

  /** Counts runs of keys with the same entity key (a key without a property part: its own). */
  private final class Counter {
    private final FieldGroups groups = new FieldGroups(rootPrefix);
    private @Nullable ByteString last;
    private long count;

    void accept(KeyValue kv) {
      ByteString entityKey = groups.entityKeyOf(kv.keyBytes());
      ByteString k = entityKey != null ? entityKey : kv.keyBytes();
      if (!k.equals(last)) {
        count++;
        last = k;
      }
    }
  }
}
