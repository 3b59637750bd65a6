package io.typedetcd.codec;

import java.util.Objects;
import java.util.UUID;

/**
 * Encodes key components into path segments that no value can forge: {@code /} and {@code %} are
 * percent-escaped and the empty string has its own encoding, so every value maps to exactly one
 * non-empty segment without {@code /}. Integers are encoded so that key order is numeric order,
 * negatives included. Every {@code encode} has a matching {@code decode}.
 *
 * <pre>{@code
 * KeySegments.string("a/b")   // "a%2Fb"
 * KeySegments.string("")      // "%"
 * KeySegments.longValue(42)   // "00000000000000000042"
 * KeySegments.longValue(-1)   // "-9223372036854775807", sorts before every non-negative value
 * }</pre>
 *
 * <p>The encodings:
 *
 * <ul>
 *   <li>strings: {@code %}, {@code /}, control characters (below U+0020) and DEL (U+007F) become
 *       {@code %XX} (two upper-case hex digits); every other character, Unicode included, stays as
 *       it is (UTF-8 in the key), so keys stay readable. The empty string is a lone {@code %},
 *       which no other value produces (every escape has two hex digits). Unpaired surrogates are
 *       rejected: they have no UTF-8 form.
 *   <li>{@code long}: non-negative values as 20 zero-padded digits; negative values as {@code -}
 *       followed by the 19 zero-padded digits of {@code value - Long.MIN_VALUE}. {@code -} sorts
 *       before every digit, so negatives come first, in numeric order.
 *   <li>{@code int}: the same with 10 digits for non-negative values and {@code -} plus 10 digits
 *       of {@code value - Integer.MIN_VALUE} for negative ones.
 *   <li>{@code UUID}: the canonical lower-case form; enums: {@code name()}, escaped as a string.
 * </ul>
 *
 * <p>Decoding is strict: it accepts exactly what encoding produces (upper-case escapes only, no
 * needless escapes, exact digit counts), so one key never decodes to the same id as another. A
 * segment that is not a valid encoding is an {@link IllegalArgumentException} naming it.
 */
public final class KeySegments {
  /** The encoding of the empty string. */
  static final String EMPTY = "%";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final int LONG_DIGITS = 20;
  private static final int NEGATIVE_LONG_DIGITS = 19;
  private static final int INT_DIGITS = 10;

  private KeySegments() {}

  /** The segment of a string value. */
  public static String string(String value) {
    Objects.requireNonNull(value, "key value");
    if (value.isEmpty()) {
      return EMPTY;
    }
    int n = value.length();
    int first = 0;
    while (first < n && !needsAttention(value.charAt(first))) {
      first++;
    }
    if (first == n) {
      return value; // the common case: nothing to escape, no copy
    }
    StringBuilder out = new StringBuilder(n + 8).append(value, 0, first);
    for (int i = first; i < n; i++) {
      char c = value.charAt(i);
      if (escaped(c)) {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "key value has an unpaired surrogate at index " + i + ", which has no UTF-8 form");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The string value of a segment made by {@link #string}. */
  public static String decodeString(String segment) {
    Objects.requireNonNull(segment, "segment");
    if (segment.equals(EMPTY)) {
      return "";
    }
    if (segment.isEmpty()) {
      throw malformed(segment, "an empty segment (the empty string is encoded as '%')");
    }
    int n = segment.length();
    int first = segment.indexOf('%');
    StringBuilder out = null;
    for (int i = 0; i < n; i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= n) {
          throw malformed(segment, "'%' at index " + i + " is not followed by two hex digits");
        }
        int hi = hex(segment.charAt(i + 1));
        int lo = hex(segment.charAt(i + 2));
        char decoded = (char) (hi << 4 | lo);
        if (hi < 0 || lo < 0 || !escaped(decoded)) {
          throw malformed(
              segment, "'" + segment.substring(i, i + 3) + "' is not an escape typed-etcd writes");
        }
        if (out == null) {
          out = new StringBuilder(n).append(segment, 0, first);
        }
        out.append(decoded);
        i += 2;
      } else if (escaped(c)) {
        throw malformed(segment, "character U+" + hex4(c) + " must be escaped");
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? segment : out.toString();
  }

  /** The segment of a long; segments sort like the values. */
  public static String longValue(long value) {
    if (value >= 0) {
      return pad(Long.toString(value), LONG_DIGITS);
    }
    return "-" + pad(Long.toString(value - Long.MIN_VALUE), NEGATIVE_LONG_DIGITS);
  }

  /** The long value of a segment made by {@link #longValue}. */
  public static long decodeLong(String segment) {
    Objects.requireNonNull(segment, "segment");
    if (segment.length() == LONG_DIGITS && digits(segment, 0)) {
      long v = parse(segment, 0);
      if (v >= 0) {
        return v;
      }
    } else if (segment.length() == NEGATIVE_LONG_DIGITS + 1
        && segment.charAt(0) == '-'
        && digits(segment, 1)) {
      long offset = parse(segment, 1);
      if (offset >= 0) {
        return offset + Long.MIN_VALUE;
      }
    }
    throw malformed(segment, "not a long key (20 digits, or '-' and 19 digits)");
  }

  /** The segment of an int; segments sort like the values. */
  public static String intValue(int value) {
    if (value >= 0) {
      return pad(Integer.toString(value), INT_DIGITS);
    }
    return "-" + pad(Long.toString((long) value - Integer.MIN_VALUE), INT_DIGITS);
  }

  /** The int value of a segment made by {@link #intValue}. */
  public static int decodeInt(String segment) {
    Objects.requireNonNull(segment, "segment");
    if (segment.length() == INT_DIGITS && digits(segment, 0)) {
      long v = parse(segment, 0);
      if (v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    } else if (segment.length() == INT_DIGITS + 1
        && segment.charAt(0) == '-'
        && digits(segment, 1)) {
      long offset = parse(segment, 1);
      if (offset <= Integer.MAX_VALUE) {
        return (int) (offset + Integer.MIN_VALUE);
      }
    }
    throw malformed(segment, "not an int key (10 digits, or '-' and 10 digits)");
  }

  /** The canonical lower-case form of a UUID. */
  public static String uuid(UUID value) {
    return Objects.requireNonNull(value, "key value").toString();
  }

  /** The UUID of a segment made by {@link #uuid}. */
  public static UUID decodeUuid(String segment) {
    Objects.requireNonNull(segment, "segment");
    if (segment.length() == 36) {
      try {
        UUID u = UUID.fromString(segment);
        if (u.toString().equals(segment)) {
          return u;
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw malformed(segment, "not a canonical lower-case UUID");
  }

  /** The segment of an enum constant: its escaped {@code name()}. */
  public static <E extends Enum<E>> String enumValue(E value) {
    return string(Objects.requireNonNull(value, "key value").name());
  }

  /** The constant of {@code type} named by a segment made by {@link #enumValue}. */
  public static <E extends Enum<E>> E decodeEnum(Class<E> type, String segment) {
    String name = decodeString(segment);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw malformed(segment, "no constant " + type.getSimpleName() + "." + name);
    }
  }

  /** A user codec's text, escaped like a string. */
  public static <T> String custom(KeySegmentCodec<T> codec, T value) {
    String text = codec.encode(Objects.requireNonNull(value, "key value"));
    if (text == null) {
      throw new IllegalArgumentException(
          codec.getClass().getName() + " encoded " + value + " as null; return a string");
    }
    return string(text);
  }

  /** The value a user codec decodes from a segment made by {@link #custom}. */
  public static <T> T decodeCustom(KeySegmentCodec<T> codec, String segment) {
    return codec.decode(decodeString(segment));
  }

  private static boolean escaped(char c) {
    return c < 0x20 || c == 0x7F || c == '%' || c == '/';
  }

  private static boolean needsAttention(char c) {
    return escaped(c) || Character.isSurrogate(c);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static String hex4(char c) {
    return String.format("%04X", (int) c);
  }

  private static String pad(String digits, int width) {
    if (digits.length() >= width) {
      return digits;
    }
    StringBuilder b = new StringBuilder(width);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }

  private static boolean digits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The digits from {@code from} as a long, or -1 when they overflow. */
  private static long parse(String s, int from) {
    long v = 0;
    for (int i = from; i < s.length(); i++) {
      int d = s.charAt(i) - '0';
      if (v > (Long.MAX_VALUE - d) / 10) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static IllegalArgumentException malformed(String segment, String why) {
    return new IllegalArgumentException("malformed key segment '" + segment + "': " + why);
  }
}
