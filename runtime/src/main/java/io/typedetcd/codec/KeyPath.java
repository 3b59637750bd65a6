package io.typedetcd.codec;

import com.google.protobuf.ByteString;
import java.util.List;

/**
 * An entity key being built, segment by segment, under an entity prefix. Segments passed to {@link
 * #add} are already encoded by {@link KeySegments}; the path escapes nothing itself.
 *
 * <pre>{@code
 * KeyPath root = KeyPath.root("/registry/services");
 * root.add(KeySegments.string("eu")).add(KeySegments.string("a1")).key();    // /registry/services/eu/a1
 * root.add(KeySegments.string("eu")).prefix();                               // /registry/services/eu/
 * root.prefix();                                                             // /registry/services/
 * }</pre>
 */
public final class KeyPath {
  private KeyPath() {
    throw new UnsupportedOperationException("contract only");
  }

  /** The root of an entity prefix such as {@code /registry/services} (no trailing slash). */
  public static KeyPath root(String entityPrefix) {
    throw new UnsupportedOperationException("contract only");
  }

  /** This path with one more (already encoded) segment. */
  public KeyPath add(String encodedSegment) {
    throw new UnsupportedOperationException("contract only");
  }

  /** The path as a key: {@code /registry/services/eu/a1}. */
  public ByteString key() {
    throw new UnsupportedOperationException("contract only");
  }

  /** The path with a trailing slash, for prefix range reads: {@code /registry/services/eu/}. */
  public ByteString prefix() {
    throw new UnsupportedOperationException("contract only");
  }

  /** The encoded segments of {@code key} below this path; null when {@code key} is not below it. */
  public List<String> segmentsOf(ByteString key) {
    throw new UnsupportedOperationException("contract only");
  }
}
