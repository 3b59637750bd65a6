package io.typedetcd.repository;

import io.typedetcd.client.KeyValue;
import java.util.Collection;

/**
 * Turns the key-values of a range read, in key order, into entities: one per key for {@code
 * DOCUMENT}, one per run of field keys for {@code FIELDS}, where an entity is finished only when
 * the next one starts or the range ends. One assembler per read; not thread-safe.
 */
interface Assembler<T> {
  /** Takes the next key-value; adds the entities it finished to {@code out}. */
  void accept(KeyValue kv, Collection<T> out);

  /** The range is exhausted: adds the entity still being assembled, if any. */
  void finish(Collection<T> out);
}
