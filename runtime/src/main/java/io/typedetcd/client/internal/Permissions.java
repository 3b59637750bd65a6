package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.client.auth.Permission;

/** Converts permissions between the caller's view (namespace-relative) and etcd's. */
final class Permissions {
  private Permissions() {}

  static io.typedetcd.proto.authpb.Permission toProto(Permission p, Namespace ns) {
    return io.typedetcd.proto.authpb.Permission.newBuilder()
        .setPermType(io.typedetcd.proto.authpb.Permission.Type.forNumber(p.type().ordinal()))
        .setKey(key(p.keyBytes(), ns))
        .setRangeEnd(ns.addEnd(p.rangeEndBytes()))
        .build();
  }

  /**
   * The key as etcd must see it. etcd orders an empty key after every other key, so "every key"
   * without a namespace starts at {@code "\0"}, as etcdctl does.
   */
  static ByteString key(ByteString key, Namespace ns) {
    ByteString full = ns.add(key);
    return full.isEmpty() ? KeyRanges.FROM_KEY_END : full;
  }

  static Permission fromProto(io.typedetcd.proto.authpb.Permission p, Namespace ns) {
    Permission.Type type =
        switch (p.getPermType()) {
          case READ -> Permission.Type.READ;
          case WRITE -> Permission.Type.WRITE;
          default -> Permission.Type.READWRITE;
        };
    return new Permission(type, ns.strip(p.getKey()), stripEnd(p.getRangeEnd(), ns));
  }

  /** Inverse of {@link Namespace#addEnd}: the namespace's own end is "\0" again. */
  static ByteString stripEnd(ByteString end, Namespace ns) {
    if (ns.isEmpty() || end.isEmpty()) {
      return end;
    }
    if (end.equals(KeyRanges.prefixEnd(ns.prefix()))) {
      return KeyRanges.FROM_KEY_END;
    }
    return ns.strip(end);
  }
}
