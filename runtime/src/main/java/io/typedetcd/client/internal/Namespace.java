package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.proto.mvccpb.KeyValue;

/**
 * Prefixes keys sent to etcd and strips the prefix from keys it returns, like Go's
 * clientv3/namespace. An empty namespace is the identity and costs nothing.
 */
public final class Namespace {
  public static final Namespace NONE = new Namespace(ByteString.EMPTY);

  private final ByteString prefix;

  private Namespace(ByteString prefix) {
    this.prefix = prefix;
  }

  public static Namespace of(String prefix) {
    return prefix.isEmpty() ? NONE : new Namespace(ByteString.copyFromUtf8(prefix));
  }

  public boolean isEmpty() {
    return prefix.isEmpty();
  }

  public ByteString prefix() {
    return prefix;
  }

  /** The key as etcd stores it. */
  public ByteString add(ByteString key) {
    return prefix.isEmpty() ? key : prefix.concat(key);
  }

  /**
   * A range end as etcd must see it: empty stays empty (single key), {@code "\0"} (every key from
   * the start key on) becomes the end of the namespace, anything else is prefixed.
   */
  public ByteString addEnd(ByteString end) {
    if (prefix.isEmpty() || end.isEmpty()) {
      return end;
    }
    if (end.size() == 1 && end.byteAt(0) == 0) {
      ByteString namespaceEnd = KeyRanges.prefixEnd(prefix);
      return namespaceEnd;
    }
    return prefix.concat(end);
  }

  /** The key as the caller named it. */
  public ByteString strip(ByteString key) {
    if (prefix.isEmpty() || !key.startsWith(prefix)) {
      return key;
    }
    return key.substring(prefix.size());
  }

  /** A key-value with the namespace removed from its key. */
  public KeyValue strip(KeyValue kv) {
    return prefix.isEmpty() ? kv : kv.toBuilder().setKey(strip(kv.getKey())).build();
  }
}
