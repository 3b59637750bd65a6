package io.typedetcd.client.auth;

import com.google.protobuf.ByteString;
import io.typedetcd.client.internal.KeyRanges;
import java.util.Objects;

/**
 * Access of one type to one key or key range, as granted to a role.
 *
 * <pre>{@code
 * Permission.forKey(Permission.Type.READ, "/config/mode");
 * Permission.forPrefix(Permission.Type.READWRITE, "/app/");
 * Permission.forRange(Permission.Type.WRITE, "/a", "/m");     // [/a, /m)
 * Permission.forKeysFrom(Permission.Type.READ, "/logs/");    // every key >= /logs/
 * }</pre>
 *
 * <p>Keys are relative to the client's namespace. A range end of {@code "\0"} means "every key from
 * {@code key} on" (within the namespace, when there is one), as in etcd.
 *
 * @param type what the permission allows
 * @param keyBytes the key, or the start of the range
 * @param rangeEndBytes the end of the range (exclusive); empty for a single key, {@code "\0"} for
 *     every key from {@code keyBytes} on
 */
public record Permission(Type type, ByteString keyBytes, ByteString rangeEndBytes) {
  /** What a permission allows. */
  public enum Type {
    READ,
    WRITE,
    READWRITE
  }

  public Permission {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(keyBytes, "keyBytes");
    Objects.requireNonNull(rangeEndBytes, "rangeEndBytes");
  }

  /** The single key {@code key}. */
  public static Permission forKey(Type type, String key) {
    return new Permission(type, utf8("key", key), ByteString.EMPTY);
  }

  /** Every key starting with {@code prefix}; {@code ""} is every key. */
  public static Permission forPrefix(Type type, String prefix) {
    ByteString start = utf8("prefix", prefix);
    return new Permission(type, start, KeyRanges.prefixEnd(start));
  }

  /** Keys from {@code key} (inclusive) to {@code rangeEnd} (exclusive). */
  public static Permission forRange(Type type, String key, String rangeEnd) {
    ByteString end = utf8("rangeEnd", rangeEnd);
    if (end.isEmpty()) {
      throw new IllegalArgumentException("rangeEnd must not be empty; use forKey for one key");
    }
    return new Permission(type, utf8("key", key), end);
  }

  /** Every key greater than or equal to {@code key}. */
  public static Permission forKeysFrom(Type type, String key) {
    return new Permission(type, utf8("key", key), KeyRanges.FROM_KEY_END);
  }

  /** The key (or range start) as a UTF-8 string. */
  public String key() {
    return keyBytes.toStringUtf8();
  }

  /** The range end as a UTF-8 string: "" for one key, "\0" for every key from the key on. */
  public String rangeEnd() {
    return rangeEndBytes.toStringUtf8();
  }

  @Override
  public String toString() {
    String what;
    if (rangeEndBytes.isEmpty()) {
      what = "'" + key() + "'";
    } else if (rangeEndBytes.equals(KeyRanges.FROM_KEY_END)) {
      what = "['" + key() + "', end of keys)";
    } else {
      what = "['" + key() + "', '" + rangeEnd() + "')";
    }
    return type + " " + what;
  }

  private static ByteString utf8(String what, String s) {
    return ByteString.copyFromUtf8(Objects.requireNonNull(s, what));
  }
}
