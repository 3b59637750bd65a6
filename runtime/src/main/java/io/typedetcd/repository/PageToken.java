package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * A page continue token: where the next page starts, the revision it reads at, and a checksum of
 * the prefix it pages through and of the direction, so a token handed to another query (or the same
 * prefix in the other order) is refused instead of misread. Encoded as URL-safe base64 (no padding)
 * of {@code [format 1][revision: 8][crc32c(prefix[, "\0desc"]): 4][next key without the prefix]}.
 *
 * @param revision the first page's revision
 * @param nextKey the full key the next page starts at (inclusive; for a descending sequence, the
 *     highest key it reads)
 */
record PageToken(long revision, ByteString nextKey) {
  private static final byte FORMAT = 1;
  private static final int HEADER = 1 + 8 + 4;

  /** Marks the checksum of a descending sequence; ascending tokens keep their original form. */
  private static final ByteString DESCENDING = ByteString.copyFromUtf8("\0desc");

  String encode(ByteString prefix, boolean descending) {
    if (!nextKey.startsWith(prefix)) {
      throw new IllegalStateException("next key is outside the prefix");
    }
    ByteString rest = nextKey.substring(prefix.size());
    ByteBuffer b = ByteBuffer.allocate(HEADER + rest.size());
    b.put(FORMAT).putLong(revision).putInt(checksum(prefix, descending));
    rest.copyTo(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /**
   * The token of a page sequence through {@code prefix}; an IllegalArgumentException naming {@code
   * entity} when it is not a token, or one of another query.
   */
  static PageToken decode(String token, ByteString prefix, String entity, boolean descending) {
    Objects.requireNonNull(token, "token");
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw notAToken(token, entity, e);
    }
    if (bytes.length < HEADER || bytes[0] != FORMAT) {
      throw notAToken(token, entity, null);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    b.get();
    long revision = b.getLong();
    if (b.getInt() != checksum(prefix, descending)) {
      throw new IllegalArgumentException(
          "token '"
              + token
              + "' belongs to another query: it does not page through "
              + entity
              + " entities under '"
              + prefix.toStringUtf8()
              + "'; pass tokens only to the query that returned them");
    }
    if (revision <= 0) {
      throw notAToken(token, entity, null);
    }
    return new PageToken(revision, prefix.concat(ByteString.copyFrom(b)));
  }

  private static int checksum(ByteString prefix, boolean descending) {
    CRC32C crc = new CRC32C();
    crc.update(prefix.asReadOnlyByteBuffer());
    if (descending) {
      crc.update(DESCENDING.asReadOnlyByteBuffer());
    }
    return (int) crc.getValue();
  }

  private static IllegalArgumentException notAToken(
      String token, String entity, @Nullable Throwable cause) {
    return new IllegalArgumentException(
        "token '" + token + "' is not a page token of " + entity + " entities", cause);
  }
}
