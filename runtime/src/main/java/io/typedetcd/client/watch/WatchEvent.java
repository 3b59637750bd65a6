package io.typedetcd.client.watch;

import io.typedetcd.client.KeyValue;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One change to one key, as a watcher sees it.
 *
 * <pre>{@code
 * for (WatchEvent e : batch.events()) {
 *   if (e.type() == WatchEvent.Type.PUT) cache.put(e.kv().key(), e.kv().value());
 *   else cache.remove(e.kv().key());
 * }
 * }</pre>
 *
 * @param type whether the key was written or deleted
 * @param kv the key after the change; for a delete, only the key and the delete's mod revision
 * @param prevKv the key before the change, when the watch asked for {@code withPrevKv()} and the
 *     key existed
 */
public record WatchEvent(Type type, KeyValue kv, @Nullable KeyValue prevKv) {
  /** What happened to the key. */
  public enum Type {
    /** The key was created or overwritten. */
    PUT,
    /** The key was deleted (explicitly or by its lease expiring). */
    DELETE
  }

  public WatchEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kv, "kv");
  }

  /** The key before the change, if asked for and present. */
  public Optional<KeyValue> previous() {
    return Optional.ofNullable(prevKv);
  }
}
