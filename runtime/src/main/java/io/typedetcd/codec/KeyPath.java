package io.typedetcd.codec;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An entity key being built, segment by segment, under an entity prefix. Segments passed to {@link
 * #add} are already encoded by {@link KeySegments}; the path escapes nothing itself. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * KeyPath root = KeyPath.root("/registry/services");
 * root.add(KeySegments.string("eu")).add(KeySegments.string("a1")).key();    // /registry/services/eu/a1
 * root.add(KeySegments.string("eu")).prefix();                               // /registry/services/eu/
 * root.prefix();                                                             // /registry/services/
 * }</pre>
 */
public final class KeyPath {
  private final String path;
  // Encoded on first use: intermediate paths of a composite key never need their bytes. A racy
  // single check is fine, ByteString is immutable and safely published through final fields.
  private @Nullable ByteString prefix;

  private KeyPath(String path) {
    this.path = path;
  }

  /**
   * The root of an entity prefix such as {@code /registry/services}: absolute, without a trailing
   * slash or an empty segment.
   */
  public static KeyPath root(String entityPrefix) {
    Objects.requireNonNull(entityPrefix, "entityPrefix");
    if (!entityPrefix.startsWith("/")
        || entityPrefix.length() < 2
        || entityPrefix.endsWith("/")
        || entityPrefix.contains("//")) {
      throw new IllegalArgumentException(
          "entityPrefix must be absolute, non-empty, without '//' and without a trailing '/', was '"
              + entityPrefix
              + "'");
    }
    return new KeyPath(entityPrefix);
  }

  /** This path with one more (already encoded) segment. */
  public KeyPath add(String encodedSegment) {
    Objects.requireNonNull(encodedSegment, "encodedSegment");
    if (encodedSegment.isEmpty() || encodedSegment.indexOf('/') >= 0) {
      throw new IllegalArgumentException(
          "encodedSegment must be non-empty and without '/' (encode it with KeySegments), was '"
              + encodedSegment
              + "'");
    }
    return new KeyPath(path + "/" + encodedSegment);
  }

  /** The path as a key: {@code /registry/services/eu/a1}. */
  public ByteString key() {
    ByteString p = prefix;
    return p != null ? p.substring(0, p.size() - 1) : ByteString.copyFromUtf8(path);
  }

  /** The path with a trailing slash, for prefix range reads: {@code /registry/services/eu/}. */
  public ByteString prefix() {
    ByteString p = prefix;
    if (p == null) {
      p = ByteString.copyFromUtf8(path + "/");
      prefix = p;
    }
    return p;
  }

  /**
   * The encoded segments of {@code key} below this path (empty ones included, so a malformed key
   * fails to decode rather than being misread); null when {@code key} is not below it.
   */
  public @Nullable List<String> segmentsOf(ByteString key) {
    Objects.requireNonNull(key, "key");
    ByteString p = prefix();
    if (key.size() <= p.size() || !key.startsWith(p)) {
      return null;
    }
    String rest = key.substring(p.size()).toStringUtf8();
    List<String> segments = new ArrayList<>(4);
    int from = 0;
    for (int slash = rest.indexOf('/'); slash >= 0; slash = rest.indexOf('/', from)) {
      segments.add(rest.substring(from, slash));
      from = slash + 1;
    }
    segments.add(rest.substring(from));
    return segments;
  }

  /**
   * Like {@link #segmentsOf(ByteString)}, for exactly {@code count} segments: null when {@code key}
   * is not below this path or has another number of segments. Splits the bytes without decoding the
   * whole key first, for the mappers' hot path.
   */
  public String @Nullable [] segmentsOf(ByteString key, int count) {
    Objects.requireNonNull(key, "key");
    ByteString p = prefix();
    int size = key.size();
    int from = p.size();
    if (size <= from) {
      return null;
    }
    byte[] k = key.toByteArray(); // one small copy; array access beats byteAt and substring
    for (int i = 0; i < from; i++) {
      if (k[i] != p.byteAt(i)) {
        return null;
      }
    }
    String[] segments = new String[count];
    int n = 0;
    for (int i = from; i < size; i++) {
      if (k[i] == '/') { // never part of a multi-byte UTF-8 sequence
        if (n == count - 1) {
          return null;
        }
        segments[n++] = new String(k, from, i - from, StandardCharsets.UTF_8);
        from = i + 1;
      }
    }
    if (n != count - 1) {
      return null;
    }
    segments[n] = new String(k, from, size - from, StandardCharsets.UTF_8);
    return segments;
  }

  /** The path as text: {@code /registry/services/eu/a1}. */
  @Override
  public String toString() {
    return path;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KeyPath other && other.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }
}
