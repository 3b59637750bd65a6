package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.kv.Cmp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The guards of an {@link EntityWrite} on the entity itself (its class comment lists them by kind).
 * When what the attempt read already shows the conflict, it is thrown right away and nothing is
 * sent.
 */
final class EntityGuards<T, ID> {
  private final EntityType<T, ID> type;
  private final EntityWrite.Kind kind;
  private final ByteString key;
  private final String k;
  private final long version;
  private final boolean reads;
  private final EntityType.@Nullable Observed<T> current;

  private EntityGuards(EntityWrite<T, ID> w) {
    this.type = w.type;
    this.kind = w.kind;
    this.key = w.key;
    this.k = w.key.toStringUtf8();
    this.version = w.version();
    this.reads = w.readsCurrent();
    this.current = w.current();
  }

  static <T, ID> List<Guard> of(EntityWrite<T, ID> w) {
    return new EntityGuards<>(w).guards();
  }

  private List<Guard> guards() {
    boolean versioned = type.mapper.hasVersion();
    switch (kind) {
      case SAVE:
        if (versioned) {
          return version == 0 ? insert() : atVersion();
        }
        return reads ? observed() : List.of();
      case INSERT:
        return insert();
      case UPDATE:
        if (versioned) {
          return atVersion();
        }
        if (!reads) {
          return guards(type.exists(key), false, v -> notFound());
        }
        if (!Objects.requireNonNull(current).exists()) {
          throw notFound();
        }
        return observed();
      case DELETE:
        if (versioned && version > 0) {
          return atVersion();
        }
        return reads ? observed() : List.of();
      case DELETE_BY_ID:
        return reads ? observed() : List.of();
      default: // CHANGE
        return observed();
    }
  }

  private List<Guard> insert() {
    if (current != null && current.exists()) {
      throw new EntityExistsException(type.name, k, current.version());
    }
    return guards(type.absent(key), false, v -> new EntityExistsException(type.name, k, v));
  }

  private List<Guard> atVersion() {
    if (current != null && current.version() != version) {
      throw new OptimisticLockException(type.name, k, version, current.version());
    }
    return guards(
        type.at(key, version), false, v -> new OptimisticLockException(type.name, k, version, v));
  }

  private List<Guard> observed() {
    long seen = Objects.requireNonNull(current).version();
    return guards(
        type.at(key, seen),
        true,
        v -> new OptimisticLockException(type.name, k, seen, v, Retries.MAX_ATTEMPTS));
  }

  private EntityNotFoundException notFound() {
    return new EntityNotFoundException(type.name, k);
  }

  private static List<Guard> guards(
      List<Cmp> cmps, boolean retryable, LongFunction<EtcdException> conflict) {
    List<Guard> out = new ArrayList<>(cmps.size());
    for (Cmp c : cmps) {
      out.add(new Guard(c, retryable, conflict));
    }
    return out;
  }
}
