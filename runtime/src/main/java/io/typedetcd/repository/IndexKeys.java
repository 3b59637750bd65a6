package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The index keys of one entity type (layout in {@link IndexDefinition}). They start with the entity
 * prefix followed by {@code %}, which sorts before {@code /} and which the processor forbids in
 * prefixes: they are never under the entity range, and never under another entity's.
 */
final class IndexKeys<T> {
  private static final String ENTRIES = "%idx/";
  private static final String UNIQUE = "%uniq/";

  private final String entity;
  private final String path;
  private final ByteString entityPrefix;
  private final List<IndexDefinition<T>> all;
  private final Map<String, IndexDefinition<T>> byProperty = new LinkedHashMap<>();

  IndexKeys(EntityMapper<T, ?> mapper) {
    this.entity = mapper.entityName();
    this.path = mapper.root().toString();
    this.entityPrefix = mapper.root().prefix();
    this.all = List.copyOf(Objects.requireNonNull(mapper.indexes(), "indexes"));
    for (IndexDefinition<T> i : all) {
      if (byProperty.put(i.property(), i) != null) {
        throw new IllegalArgumentException(entity + " declares two indexes on " + i.property());
      }
    }
  }

  List<IndexDefinition<T>> all() {
    return all;
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  boolean hasUnique() {
    return all.stream().anyMatch(IndexDefinition::unique);
  }

  /** The index on {@code property}; an exception naming the indexed properties otherwise. */
  IndexDefinition<T> get(String property) {
    IndexDefinition<T> i = byProperty.get(Objects.requireNonNull(property, "property"));
    if (i == null) {
      throw new IllegalArgumentException(
          entity + " has no index on '" + property + "'; indexed: " + byProperty.keySet());
    }
    return i;
  }

  /** The entity's encoded value in index {@code i}, checked; null: not indexed. */
  @Nullable String value(IndexDefinition<T> i, T entity) {
    String v = i.encodedValue().apply(entity);
    return v == null ? null : checkValue(i, v);
  }

  /** A value must be one key segment: non-empty, without '/'. */
  String checkValue(IndexDefinition<T> i, String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.indexOf('/') >= 0) {
      throw new IllegalArgumentException(
          entity
              + "."
              + i.property()
              + " index value must be an encoded key segment (non-empty, without '/'), was '"
              + value
              + "'");
    }
    return value;
  }

  /** Where the non-unique entries of one value start: {@code {path}%idx/{property}/{value}/}. */
  ByteString valuePrefix(IndexDefinition<T> i, String value) {
    return utf8(path + ENTRIES + i.property() + "/" + value + "/");
  }

  /** The non-unique entry of an entity: its key segments under the value prefix. */
  ByteString entry(IndexDefinition<T> i, String value, ByteString entityKey) {
    return valuePrefix(i, value).concat(entityKey.substring(entityPrefix.size()));
  }

  /** The unique key of a value; it holds the entity key. */
  ByteString unique(IndexDefinition<T> i, String value) {
    return utf8(path + UNIQUE + i.property() + "/" + value);
  }

  /** The entity key an entry under {@code valuePrefix} points to. */
  ByteString entityKeyOf(ByteString entry, ByteString valuePrefix) {
    return entityPrefix.concat(entry.substring(valuePrefix.size()));
  }

  /** Every non-unique entry of this entity type. */
  ByteString entriesRange() {
    return utf8(path + ENTRIES);
  }

  /** Every unique key of this entity type. */
  ByteString uniqueRange() {
    return utf8(path + UNIQUE);
  }

  /**
   * What an index key found under {@link #entriesRange()} or {@link #uniqueRange()} stands for: the
   * index (null when no longer declared), the value, and for an entry the entity key; null when the
   * key has not the shape of an index key.
   */
  @Nullable Parsed<T> parse(ByteString key) {
    boolean entry = key.startsWith(entriesRange());
    if (!entry && !key.startsWith(uniqueRange())) {
      return null;
    }
    String rest = key.substring((entry ? entriesRange() : uniqueRange()).size()).toStringUtf8();
    int p = rest.indexOf('/');
    if (p <= 0) {
      return null;
    }
    int v = rest.indexOf('/', p + 1);
    if (entry ? v <= p + 1 || v == rest.length() - 1 : v >= 0 || p == rest.length() - 1) {
      return null;
    }
    String value = rest.substring(p + 1, entry ? v : rest.length());
    IndexDefinition<T> i = byProperty.get(rest.substring(0, p));
    ByteString entityKey = entry ? entityPrefix.concat(utf8(rest.substring(v + 1))) : null;
    return new Parsed<>(i, rest.substring(0, p), value, entityKey);
  }

  /** An index key taken apart. */
  record Parsed<E>(
      @Nullable IndexDefinition<E> index,
      String property,
      String value,
      @Nullable ByteString entityKey) {}

  private static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }
}
