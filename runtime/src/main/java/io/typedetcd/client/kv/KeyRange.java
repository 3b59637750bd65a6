package io.typedetcd.client.kv;

import com.google.protobuf.ByteString;
import io.typedetcd.client.internal.KeyRanges;

/** Which keys an operation covers, relative to its key: one key, a prefix, a range, or onward. */
enum KeyRange {
  KEY,
  PREFIX,
  FROM_KEY,
  RANGE;

  /** The range end etcd expects for {@code key}; {@code end} is used by {@link #RANGE}. */
  ByteString end(ByteString key, ByteString end) {
    return switch (this) {
      case KEY -> ByteString.EMPTY;
      case PREFIX -> key.isEmpty() ? KeyRanges.FROM_KEY_END : KeyRanges.prefixEnd(key);
      case FROM_KEY -> KeyRanges.FROM_KEY_END;
      case RANGE -> end;
    };
  }
}
