package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Everything the write runtime knows about one entity type: its mapper, its indexes and how its
 * layout reads, guards, writes and deletes one entity. For {@code DOCUMENT} an entity is its key;
 * for {@code FIELDS} it is the range {@code {entityKey}/}, compared key by key (see {@link
 * FieldsStore} for why the update guard is a pair).
 */
final class EntityType<T, ID> {
  private static final ByteString SLASH = ByteString.copyFromUtf8("/");

  final EntityMapper<T, ID> mapper;
  final EntityStore<T, ID> store;
  final IndexKeys<T> indexes;
  final String name;
  private final boolean fields;

  EntityType(EntityMapper<T, ID> mapper, EntityStore<T, ID> store) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.store = store;
    this.indexes = new IndexKeys<>(mapper);
    this.name = mapper.entityName();
    this.fields = store instanceof FieldsStore;
  }

  /** The stored state of one entity, as a write read it. */
  record Observed<T>(
      boolean exists, long version, @Nullable T entity, @Nullable RuntimeException decodeError) {}

  // ---- the writes generated code and transactions stage ----

  EntityWrite<T, ID> save(T entity) {
    return new EntityWrite<>(this, EntityWrite.Kind.SAVE, entity, null, null);
  }

  EntityWrite<T, ID> insert(T entity) {
    return new EntityWrite<>(this, EntityWrite.Kind.INSERT, entity, null, null);
  }

  EntityWrite<T, ID> update(T entity) {
    return new EntityWrite<>(this, EntityWrite.Kind.UPDATE, entity, null, null);
  }

  EntityWrite<T, ID> update(ID id, UnaryOperator<T> change) {
    Objects.requireNonNull(change, "change");
    return new EntityWrite<>(this, EntityWrite.Kind.CHANGE, null, keyOf(id), change);
  }

  EntityWrite<T, ID> delete(T entity) {
    return new EntityWrite<>(this, EntityWrite.Kind.DELETE, entity, null, null);
  }

  EntityWrite<T, ID> deleteById(ID id) {
    return deleteByKey(keyOf(id));
  }

  /** Deletes whatever is stored under an entity key, even if it does not decode. */
  EntityWrite<T, ID> deleteByKey(ByteString key) {
    return new EntityWrite<>(this, EntityWrite.Kind.DELETE_BY_ID, null, key, null);
  }

  private ByteString keyOf(ID id) {
    return mapper.key(Objects.requireNonNull(id, "id"));
  }

  // ---- layout ----

  /** What to read to see the entity under {@code key}. */
  ReadSet.Read read(ByteString key) {
    return fields ? new ReadSet.Read(key.concat(SLASH), true) : new ReadSet.Read(key, false);
  }

  /** The entity a {@link #read} found: whether it exists, its version, and itself if it decodes. */
  Observed<T> observe(GetResponse r) {
    return observe(r.kvs());
  }

  /** The entity made of {@code kvs}, the keys of one entity (its one key, or its field keys). */
  Observed<T> observe(List<KeyValue> kvs) {
    if (kvs.isEmpty()) {
      return new Observed<>(false, 0, null, null);
    }
    long version = Guard.version(kvs);
    try {
      List<T> out = new ArrayList<>(1);
      Assembler<T> assembler = store.assembler();
      for (KeyValue kv : kvs) {
        assembler.accept(kv, out);
      }
      assembler.finish(out);
      if (out.size() != 1) {
        throw new MappingException(
            name, kvs.get(0).key(), null, "keys of several entities under one entity key", null);
      }
      return new Observed<>(true, version, out.get(0), null);
    } catch (RuntimeException e) {
      return new Observed<>(true, version, null, e);
    }
  }

  /** The entity key a key of this type belongs to; null when it is not an entity's key. */
  @Nullable ByteString entityKeyOf(ByteString key, FieldGroups groups) {
    return fields ? groups.entityKeyOf(key) : key;
  }

  /** The entity under {@code key} does not exist. */
  List<Cmp> absent(ByteString key) {
    return fields
        ? List.of(Cmp.createRevision(key.concat(SLASH)).withPrefix().equalTo(0))
        : List.of(Cmp.createRevision(key).equalTo(0));
  }

  /** The entity under {@code key} exists. */
  List<Cmp> exists(ByteString key) {
    return fields
        ? List.of(Cmp.createRevision(key.concat(SLASH)).withPrefix().greaterThan(0))
        : List.of(Cmp.createRevision(key).greaterThan(0));
  }

  /** The entity under {@code key} is still at {@code version}; absent when it is 0. */
  List<Cmp> at(ByteString key, long version) {
    if (version == 0) {
      return absent(key);
    }
    if (!fields) {
      return List.of(Cmp.modRevision(key).equalTo(version));
    }
    ByteString range = key.concat(SLASH);
    return List.of(
        Cmp.modRevision(range).withPrefix().lessThan(version + 1),
        Cmp.createRevision(range).withPrefix().greaterThan(0));
  }

  /** The puts (and, for FIELDS, deletes of null properties) that store {@code entity}. */
  List<Op> writes(ByteString key, T entity) {
    return store.savePlan(key, entity, 0).then();
  }

  /** Deletes the entity under {@code key}. */
  Op delete(ByteString key) {
    return fields
        ? Op.delete(key.concat(SLASH), DeleteOptions.DEFAULT.withPrefix())
        : Op.delete(key, DeleteOptions.DEFAULT);
  }

  /** The entity's version, 0 without {@code @Version}, checked. */
  long versionOf(T entity) {
    long v = mapper.hasVersion() ? mapper.version(entity) : 0;
    if (v < 0) {
      throw new IllegalArgumentException(name + " version must not be negative, was " + v);
    }
    return v;
  }
}
