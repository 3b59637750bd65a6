package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The writes planned for one transaction, as each write's plan sees the others: an entity that
 * holds a unique value now but gives it up in the same transaction does not block another from
 * taking it, and two writes taking the same value are refused. A {@link #solo()} batch plans each
 * write against the stored state only (for chunked batches, whose chunks commit separately).
 */
final class Batch {
  private final Map<ByteString, EntityWrite<?, ?>> byKey;
  private final Map<ByteString, ByteString> claims = new HashMap<>();

  private Batch(Map<ByteString, EntityWrite<?, ?>> byKey) {
    this.byKey = byKey;
  }

  /** The writes of one transaction; an entity may appear once. */
  static Batch of(List<? extends EntityWrite<?, ?>> writes) {
    return new Batch(distinct(writes));
  }

  static Batch solo() {
    return new Batch(Map.of());
  }

  /** Writes by entity key; an {@link IllegalArgumentException} when an entity appears twice. */
  static Map<ByteString, EntityWrite<?, ?>> distinct(List<? extends EntityWrite<?, ?>> writes) {
    Map<ByteString, EntityWrite<?, ?>> byKey = new HashMap<>();
    for (EntityWrite<?, ?> w : writes) {
      if (byKey.put(w.key, w) != null) {
        throw new IllegalArgumentException(
            w.describe() + " appears twice; a batch or transaction writes each entity once");
      }
    }
    return byKey;
  }

  /** The write of the entity under {@code key} in this batch, if any. */
  @Nullable EntityWrite<?, ?> get(ByteString key) {
    return byKey.get(key);
  }

  /** Notes that {@code entityKey} takes a unique key; returns the entity that took it first. */
  @Nullable ByteString claim(ByteString uniqueKey, ByteString entityKey) {
    ByteString first = claims.putIfAbsent(uniqueKey, entityKey);
    return first == null || first.equals(entityKey) ? null : first;
  }
}
