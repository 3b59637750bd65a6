package io.typedetcd.codec;

import java.util.UUID;

/**
 * Encodes key components into path segments that no value can forge: {@code /} and {@code %} are
 * percent-escaped and the empty string has its own encoding, so every value maps to exactly one
 * non-empty segment without {@code /}. Integers are encoded so that key order is numeric order,
 * negatives included. Every {@code encode} has a matching {@code decode}.
 *
 * <pre>{@code
 * KeySegments.string("a/b")   // "a%2Fb"
 * KeySegments.longValue(42)   // "00000000000000000042"
 * KeySegments.longValue(-1)   // sorts before every non-negative value
 * }</pre>
 */
public final class KeySegments {
  private KeySegments() {}

  public static String string(String value) {
    throw new UnsupportedOperationException("contract only");
  }

  public static String decodeString(String segment) {
    throw new UnsupportedOperationException("contract only");
  }

  public static String longValue(long value) {
    throw new UnsupportedOperationException("contract only");
  }

  public static long decodeLong(String segment) {
    throw new UnsupportedOperationException("contract only");
  }

  public static String intValue(int value) {
    throw new UnsupportedOperationException("contract only");
  }

  public static int decodeInt(String segment) {
    throw new UnsupportedOperationException("contract only");
  }

  public static String uuid(UUID value) {
    throw new UnsupportedOperationException("contract only");
  }

  public static UUID decodeUuid(String segment) {
    throw new UnsupportedOperationException("contract only");
  }

  public static <E extends Enum<E>> String enumValue(E value) {
    throw new UnsupportedOperationException("contract only");
  }

  public static <E extends Enum<E>> E decodeEnum(Class<E> type, String segment) {
    throw new UnsupportedOperationException("contract only");
  }

  /** A user codec's text, escaped like a string. */
  public static <T> String custom(KeySegmentCodec<T> codec, T value) {
    throw new UnsupportedOperationException("contract only");
  }

  public static <T> T decodeCustom(KeySegmentCodec<T> codec, String segment) {
    throw new UnsupportedOperationException("contract only");
  }
}
