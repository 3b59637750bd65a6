package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;

/** Range-end arithmetic on etcd's byte-ordered key space. */
public final class KeyRanges {
  /** The range end meaning "every key from the start key on". */
  public static final ByteString FROM_KEY_END = ByteString.copyFrom(new byte[] {0});

  private KeyRanges() {}

  /**
   * The smallest key greater than every key starting with {@code prefix}: the prefix with its last
   * byte below 0xff incremented and the rest dropped; {@code "\0"} (all keys) when there is none.
   */
  public static ByteString prefixEnd(ByteString prefix) {
    byte[] end = prefix.toByteArray();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xff) {
        end[i]++;
        return ByteString.copyFrom(end, 0, i + 1);
      }
    }
    return FROM_KEY_END;
  }
}
